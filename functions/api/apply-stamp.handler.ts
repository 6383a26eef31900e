import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { applyStamp } from '../../shared/use-cases/records/pv-signing';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/pv/stamp`: the session manager applies the centre's stamp (PV-4). */
export const handler = apiHandler(ROUTE.ApplyStamp, async ({ caller, path }) => {
  await applyStamp(deps, caller, path.sessionId);
  return { body: await readPv(deps, caller, path.sessionId) };
});
