import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/s3';
import { apiHandler } from '../../shared/http/api-handler';
import { decideCases } from '../../shared/use-cases/records/committee';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, records, sessions });

/** `POST /sessions/{sessionId}/committee-decisions`: the committee rules, the session annulled or not (QUAL-2). */
export const handler = apiHandler(ROUTE.DecideCases, async ({ caller, path, body }) => ({ body: { decision: await decideCases(deps, caller, path.sessionId, body) } }));
