import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { apiHandler } from '../../shared/http/api-handler';
import { fillGrid } from '../../shared/use-cases/exam-day/grids';
import { FillGrid } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `PUT …/candidates/{registrationId}/grid`: a juror fills the grid after the oral (DELIB-1, DELIB-5, DELIB-6, DELIB-7). */
export const handler = apiHandler(FillGrid, async ({ caller, path, body, language }) => ({ body: { grid: await fillGrid(deps, caller, path.sessionId, path.registrationId, body, language) } }));
