import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { listRegistrations } from '../../shared/use-cases/candidates/read-registrations';
import { ListRegistrations } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/candidates`: the session's registrations. */
export const handler = apiHandler(ListRegistrations, async ({ caller, path }) => ({
  body: { registrations: await listRegistrations(deps, caller, path.sessionId) },
}));
