import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { getSession } from '../../shared/use-cases/sessions/get-session';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}`: the session, its workflow status, what it waits for and what blocks it. */
export const handler = apiHandler(ROUTE.GetSession, async ({ caller, path }) => {
  const session = await getSession(deps, caller, path.sessionId);
  return { body: { session }, headers: { etag: `"${session.version}"` } };
});
