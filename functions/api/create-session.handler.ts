import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { createSessionBody } from '../../shared/schemas/session-schemas';
import { createSession } from '../../shared/use-cases/sessions/create-session';
import { publicSession } from '../../shared/use-cases/sessions/session-record';

/** `POST /sessions`: a manager creates a session in planning and starts its lifecycle. */
export const handler = apiHandler({ body: createSessionBody }, async ({ caller, body }) => {
  const session = await createSession(deps, caller, body);
  return { status: 201, body: { session: publicSession(session) }, headers: { location: `/sessions/${session.id}` } };
});
