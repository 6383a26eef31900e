import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { signPv } from '../../shared/use-cases/records/pv-signing';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/pv/signatures`: a signatory signs the draft they read, by its SHA-256 (PV-4). */
export const handler = apiHandler(ROUTE.SignPv, async ({ caller, path, body }) => ({ body: { signature: await signPv(deps, caller, path.sessionId, body) } }));
