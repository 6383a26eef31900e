import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { apiHandler } from '../../shared/http/api-handler';
import { candidateResult } from '../../shared/use-cases/records/results';
import { GetResult } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ records, sessions });

/** `GET …/candidates/{registrationId}/result`: a candidate's result and documents (RETAKE-1). */
export const handler = apiHandler(GetResult, async ({ caller, path }) => ({ body: await candidateResult(deps, caller, path.sessionId, path.registrationId) }));
