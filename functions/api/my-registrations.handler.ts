import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { myRegistrations } from '../../shared/use-cases/candidates/read-registrations';
import { MyRegistrations } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `GET /me/registrations`: the calling candidate's own registrations. */
export const handler = apiHandler(MyRegistrations, async ({ caller }) => ({ body: { registrations: await myRegistrations(deps, caller) } }));
