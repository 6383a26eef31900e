import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { exportPersonArchive } from '../../shared/use-cases/records/archives';
import { ROUTE } from '../../shared/wiring/routes';

/** `POST /people/{userId}/archive`: a candidate's whole record as one archive, for the quality committee. */
export const handler = apiHandler(ROUTE.ExportPersonArchive, async ({ caller, path }) => ({ body: { archive: await exportPersonArchive(deps, caller, path.userId) } }));
