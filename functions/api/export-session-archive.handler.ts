import { wire } from '../../shared/adapters/ports/port';
import { audit, sessions } from '../../shared/adapters/ports/dynamodb';
import { exportFiles } from '../../shared/adapters/ports/export-files';
import { records } from '../../shared/adapters/ports/records-archive';
import { apiHandler } from '../../shared/http/api-handler';
import { exportSessionArchive } from '../../shared/use-cases/records/archives';
import { ExportSessionArchive } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ audit, exports: exportFiles, records, sessions });

/** `POST /sessions/{sessionId}/archive`: a session's whole record as one archive, for the quality committee. */
export const handler = apiHandler(ExportSessionArchive, async ({ caller, path }) => ({ body: { archive: await exportSessionArchive(deps, caller, path.sessionId) } }));
