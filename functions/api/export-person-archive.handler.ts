import { wire } from '../../shared/adapters/ports/port';
import { audit, sessions } from '../../shared/adapters/ports/dynamodb';
import { exportFiles } from '../../shared/adapters/ports/export-files';
import { records } from '../../shared/adapters/ports/records-archive';
import { apiHandler } from '../../shared/http/api-handler';
import { exportPersonArchive } from '../../shared/use-cases/records/archives';
import { ExportPersonArchive } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ audit, exports: exportFiles, records, sessions });

/** `POST /people/{userId}/archive`: a candidate's whole record as one archive, for the quality committee. */
export const handler = apiHandler(ExportPersonArchive, async ({ caller, path }) => ({ body: { archive: await exportPersonArchive(deps, caller, path.userId) } }));
