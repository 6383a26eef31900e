import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/s3';
import { apiHandler } from '../../shared/http/api-handler';
import { candidateResult } from '../../shared/use-cases/records/results';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ records, sessions });

/** `GET …/candidates/{registrationId}/result`: a candidate's result and documents (RETAKE-1). */
export const handler = apiHandler(ROUTE.GetResult, async ({ caller, path }) => ({ body: await candidateResult(deps, caller, path.sessionId, path.registrationId) }));
