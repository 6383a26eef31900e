import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { signGrid } from '../../shared/use-cases/exam-day/grids';
import { SignGrid } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST …/candidates/{registrationId}/grid/signatures`: a juror signs the grid they read, by its hash (DELIB-4). */
export const handler = idempotentApiHandler(SignGrid, async ({ caller, path, body, language }) => ({ body: { grid: await signGrid(deps, caller, path.sessionId, path.registrationId, body, language) } }));
