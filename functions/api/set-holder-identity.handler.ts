import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { setHolderIdentity } from '../../shared/use-cases/candidates/set-holder-identity';
import { SetHolderIdentity } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `PUT …/candidates/{registrationId}/holder-identity`: the civil status the CPF export needs. */
export const handler = apiHandler(SetHolderIdentity, async ({ caller, path, body }) => ({ body: { registration: await setHolderIdentity(deps, caller, path.sessionId, path.registrationId, body) } }));
