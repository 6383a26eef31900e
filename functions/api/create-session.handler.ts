import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { createSession } from '../../shared/use-cases/sessions/create-session';
import { publicSession } from '../../shared/use-cases/sessions/records';
import { CreateSession } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions, workflow });

/** `POST /sessions`: a manager creates a session in planning and starts its lifecycle. */
export const handler = idempotentApiHandler(CreateSession, async ({ caller, body, newId, language }) => {
  const session = await createSession(deps, caller, body, newId());
  return { body: { session: publicSession(session, language) }, headers: { location: `/sessions/${session.id}`, etag: `"${session.version}"` } };
});
