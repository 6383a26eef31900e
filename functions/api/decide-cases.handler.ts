import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { decideCases } from '../../shared/use-cases/records/committee';
import { DecideCases } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, records, sessions });

/** `POST /sessions/{sessionId}/committee-decisions`: the committee rules, the session annulled or not (QUAL-2). */
export const handler = idempotentApiHandler(DecideCases, async ({ caller, path, body }) => ({ body: { decision: await decideCases(deps, caller, path.sessionId, body) } }));
