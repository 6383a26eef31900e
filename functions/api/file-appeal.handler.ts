import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { fileAppeal } from '../../shared/use-cases/records/appeals';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST …/candidates/{registrationId}/appeals`: a candidate's appeal, admissible or answered with why (QUAL-1). */
export const handler = apiHandler(ROUTE.FileAppeal, async ({ caller, path, body, newId }) => ({
  body: { appeal: await fileAppeal(deps, caller, path.sessionId, path.registrationId, body, newId()) },
}));
