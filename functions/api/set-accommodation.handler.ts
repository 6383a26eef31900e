import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { setAccommodation } from '../../shared/use-cases/candidates/set-accommodation';
import { SetAccommodation } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `PUT /sessions/{sessionId}/candidates/{registrationId}/accommodation`: extra time with its justification (EXAM-2). */
export const handler = apiHandler(SetAccommodation, async ({ caller, path, body }) => ({
  body: { registration: await setAccommodation(deps, caller, path.sessionId, path.registrationId, body) },
}));
