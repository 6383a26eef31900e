import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { recordDistribution } from '../../shared/use-cases/distributions/distributions';
import { RecordDistribution } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST /sessions/{sessionId}/distributions`: who received which document when (DIST-1..7). */
export const handler = idempotentApiHandler(RecordDistribution, async ({ caller, path, body, newId }) => ({
  body: { distribution: await recordDistribution(deps, caller, path.sessionId, body, newId()) },
}));
