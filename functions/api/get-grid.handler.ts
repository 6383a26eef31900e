import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { getGrid } from '../../shared/use-cases/exam-day/grids';
import { GetGrid } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET …/candidates/{registrationId}/grid`: the candidate's grid (DELIB-1..7). */
export const handler = apiHandler(GetGrid, async ({ caller, path, language }) => ({ body: { grid: await getGrid(deps, caller, path.sessionId, path.registrationId, language) } }));
