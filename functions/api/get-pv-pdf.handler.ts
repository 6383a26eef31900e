import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { jurors, sessions, settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { apiHandler } from '../../shared/http/api-handler';
import { readPvPdf } from '../../shared/use-cases/records/pv-signing';
import { GetPvPdf } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, jurors, records, sessions, settings });

/** `GET /sessions/{sessionId}/pv.pdf`: the PV draft to sign, or the sealed original (PV-4, PV-7). */
export const handler = apiHandler(GetPvPdf, async ({ caller, path }) => {
  const pdf = await readPvPdf(deps, caller, path.sessionId);
  return {
    body: pdf.bytes,
    contentType: 'application/pdf',
    headers: { 'x-content-sha256': pdf.sha256, 'content-disposition': `inline; filename="${pdf.fileName}"`, 'cache-control': 'no-store' },
  };
});
