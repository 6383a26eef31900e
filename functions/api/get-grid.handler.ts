import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { getGrid } from '../../shared/use-cases/exam-day/grids';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET …/candidates/{registrationId}/grid`: the candidate's grid (DELIB-1..7). */
export const handler = apiHandler(ROUTE.GetGrid, async ({ caller, path }) => ({ body: { grid: await getGrid(deps, caller, path.sessionId, path.registrationId) } }));
