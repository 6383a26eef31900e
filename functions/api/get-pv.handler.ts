import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}/pv`: the PV as it stands (PV-5). */
export const handler = apiHandler(ROUTE.GetPv, async ({ caller, path }) => ({ body: await readPv(deps, caller, path.sessionId) }));
