import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { myRegistrations } from '../../shared/use-cases/candidates/read-registrations';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /me/registrations`: the calling candidate's own registrations. */
export const handler = apiHandler(ROUTE.MyRegistrations, async ({ caller }) => ({ body: { registrations: await myRegistrations(deps, caller) } }));
