import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { jurors, sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { readPv } from '../../shared/use-cases/exam-day/dossier';
import { sealPv } from '../../shared/use-cases/records/pv-seal';
import { SealPv } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, jurors, records, sessions, settings, workflow });

/** `POST /sessions/{sessionId}/pv/seal`: seals the PV and its grids under Object Lock, or says what is missing (PV-6, PV-7). */
export const handler = idempotentApiHandler(SealPv, async ({ caller, path }) => {
  await sealPv(deps, caller, path.sessionId);
  return { body: await readPv(deps, caller, path.sessionId) };
});
