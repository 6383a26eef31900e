import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { sessionDecisions } from '../../shared/use-cases/records/committee';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}/committee-decisions`: the committee's decisions on a session (QUAL-2). */
export const handler = apiHandler(ROUTE.ListDecisions, async ({ caller, path }) => ({ body: { decisions: await sessionDecisions(deps, caller, path.sessionId) } }));
