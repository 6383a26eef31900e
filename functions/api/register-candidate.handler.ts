import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { registerCandidate } from '../../shared/use-cases/candidates/register-candidate';
import { RegisterCandidate } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST /sessions/{sessionId}/candidates`: registers a candidate, first attempt or retake. */
export const handler = idempotentApiHandler(RegisterCandidate, async ({ caller, path, body, newId }) => {
  const registration = await registerCandidate(deps, caller, path.sessionId, body, newId());
  return { body: { registration }, headers: { location: `/sessions/${path.sessionId}/candidates/${registration.id}` } };
});
