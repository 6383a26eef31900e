import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { uploadStamp } from '../../shared/use-cases/records/settings';
import { ROUTE } from '../../shared/wiring/routes';

/** `PUT /centres/{centreId}/stamp`: the centre's stamp, checked and kept with the records (PV-4). */
export const handler = apiHandler(ROUTE.UploadStamp, async ({ caller, path, body }) => ({ body: { stamp: await uploadStamp(deps, caller, path.centreId, body) } }));
