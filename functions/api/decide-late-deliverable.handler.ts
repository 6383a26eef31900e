import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { decideLateDeliverable } from '../../shared/use-cases/deliverables/freeze';
import { versionView } from '../../shared/use-cases/deliverables/intake-status';
import { DecideLateDeliverable } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST /sessions/{sessionId}/deliverables/{uploadId}/late-decision`: the manager's decision (DELIV-5). */
export const handler = idempotentApiHandler(DecideLateDeliverable, async ({ caller, path, body }) => {
  const { version, timeZone } = await decideLateDeliverable(deps, caller, path.sessionId, path.uploadId, body);
  return { body: { version: versionView(version), timeZone } };
});
