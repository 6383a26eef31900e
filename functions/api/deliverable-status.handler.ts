import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { deliverableStatus } from '../../shared/use-cases/deliverables/intake-status';
import { DeliverableStatus } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET …/candidates/{registrationId}/deliverables`: a candidate's deliverables and where each stands. */
export const handler = apiHandler(DeliverableStatus, async ({ caller, path, language }) => ({
  body: { intake: await deliverableStatus(deps, caller, path.sessionId, path.registrationId, language) },
}));
