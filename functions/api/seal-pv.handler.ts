import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { sealPv } from '../../shared/use-cases/records/pv-seal';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/pv/seal`: seals the PV and its grids under Object Lock, or says what is missing (PV-6, PV-7). */
export const handler = apiHandler(ROUTE.SealPv, async ({ caller, path }) => {
  await sealPv(deps, caller, path.sessionId);
  return { body: await readPv(deps, caller, path.sessionId) };
});
