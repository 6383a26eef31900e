import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { fileAppeal } from '../../shared/use-cases/records/appeals';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST …/candidates/{registrationId}/appeals`: a candidate's appeal, admissible or answered with why (QUAL-1). */
export const handler = apiHandler(ROUTE.FileAppeal, async ({ caller, path, body, newId }) => ({
  body: { appeal: await fileAppeal(deps, caller, path.sessionId, path.registrationId, body, newId()) },
}));
