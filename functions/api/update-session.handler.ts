import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { publicSession } from '../../shared/use-cases/sessions/records';
import { updateSession } from '../../shared/use-cases/sessions/update-session';
import { UpdateSession } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `PATCH /sessions/{sessionId}`: changes a session in planning, at the version named by If-Match. */
export const handler = apiHandler(UpdateSession, async ({ caller, path, body, headers, language }) => {
  const session = await updateSession(deps, caller, path.sessionId, headers['if-match'], body);
  return { body: { session: publicSession(session, language) }, headers: { etag: `"${session.version}"` } };
});
