import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { decideLateDeliverable } from '../../shared/use-cases/deliverables/freeze';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/deliverables/{uploadId}/late-decision`: the manager's decision (DELIV-5). */
export const handler = apiHandler(ROUTE.DecideLateDeliverable, async ({ caller, path, body }) => {
  const { key: _key, contentHash: _hash, ...version } = await decideLateDeliverable(deps, caller, path.sessionId, path.uploadId, body);
  return { body: { version } };
});
