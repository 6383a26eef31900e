import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { sessionPath } from '../../shared/schemas/session-schemas';
import { getSession } from '../../shared/use-cases/sessions/get-session';

/** `GET /sessions/{sessionId}`: the session with its workflow status. */
export const handler = apiHandler({ path: sessionPath }, async ({ caller, path }) => ({
  status: 200,
  body: { session: await getSession(deps, caller, path.sessionId) },
}));
