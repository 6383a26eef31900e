import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { exportSessionArchive } from '../../shared/use-cases/records/archives';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /sessions/{sessionId}/archive`: a session's whole record as one archive, for the quality committee. */
export const handler = apiHandler(ROUTE.ExportSessionArchive, async ({ caller, path }) => ({ body: { archive: await exportSessionArchive(deps, caller, path.sessionId) } }));
