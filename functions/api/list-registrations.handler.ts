import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { listRegistrations } from '../../shared/use-cases/candidates/read-registrations';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}/candidates`: the session's registrations. */
export const handler = apiHandler(ROUTE.ListRegistrations, async ({ caller, path }) => ({
  body: { registrations: await listRegistrations(deps, caller, path.sessionId) },
}));
