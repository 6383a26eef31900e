import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { jurors, sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { applyStamp } from '../../shared/use-cases/records/pv-signing';
import { ApplyStamp } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, jurors, records, sessions, settings });

/** `POST /sessions/{sessionId}/pv/stamp`: the session manager applies the centre's stamp (PV-4). */
export const handler = idempotentApiHandler(ApplyStamp, async ({ caller, path }) => {
  await applyStamp(deps, caller, path.sessionId);
  return { body: await readPv(deps, caller, path.sessionId) };
});
