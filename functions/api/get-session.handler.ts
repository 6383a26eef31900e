import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { apiHandler } from '../../shared/http/api-handler';
import { getSession } from '../../shared/use-cases/sessions/get-session';
import { GetSession } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `GET /sessions/{sessionId}`: the session, its workflow status, what it waits for and what blocks it. */
export const handler = apiHandler(GetSession, async ({ caller, path, language }) => {
  const session = await getSession(deps, caller, path.sessionId, language);
  return { body: { session }, headers: { etag: `"${session.version}"` } };
});
