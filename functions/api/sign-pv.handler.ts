import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { jurors, sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { signPv } from '../../shared/use-cases/records/pv-signing';
import { SignPv } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, jurors, records, sessions, settings });

/** `POST /sessions/{sessionId}/pv/signatures`: a signatory signs the draft they read, by its SHA-256 (PV-4). */
export const handler = idempotentApiHandler(SignPv, async ({ caller, path, body }) => ({ body: { signature: await signPv(deps, caller, path.sessionId, body) } }));
