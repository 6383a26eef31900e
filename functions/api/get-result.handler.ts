import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { candidateResult } from '../../shared/use-cases/records/results';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET …/candidates/{registrationId}/result`: a candidate's result and documents (RETAKE-1). */
export const handler = apiHandler(ROUTE.GetResult, async ({ caller, path }) => ({ body: await candidateResult(deps, caller, path.sessionId, path.registrationId) }));
