import { wire } from '../../shared/adapters/ports/port';
import { documents } from '../../shared/adapters/ports/documents';
import { settings } from '../../shared/adapters/ports/dynamodb';
import { records } from '../../shared/adapters/ports/records-archive';
import { apiHandler } from '../../shared/http/api-handler';
import { uploadStamp } from '../../shared/use-cases/records/settings';
import { UploadStamp } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ documents, records, settings });

/** `PUT /centres/{centreId}/stamp`: the centre's stamp, checked and kept with the records (PV-4). */
export const handler = apiHandler(UploadStamp, async ({ caller, path, body }) => ({ body: { stamp: await uploadStamp(deps, caller, path.centreId, body) } }));
