import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { decideCases } from '../../shared/use-cases/records/committee';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/committee-decisions`: the committee rules, the session annulled or not (QUAL-2). */
export const handler = apiHandler(ROUTE.DecideCases, async ({ caller, path, body }) => ({ body: { decision: await decideCases(deps, caller, path.sessionId, body) } }));
