import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { getRegistration } from '../../shared/use-cases/candidates/read-registrations';
import { GetRegistration } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/candidates/{registrationId}`: one registration; a candidate sees only their own. */
export const handler = apiHandler(GetRegistration, async ({ caller, path }) => ({
  body: { registration: await getRegistration(deps, caller, path.sessionId, path.registrationId) },
}));
