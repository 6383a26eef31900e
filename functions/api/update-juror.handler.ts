import { wire } from '../../shared/adapters/ports/port';
import { jurors } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { updateJuror } from '../../shared/use-cases/jurors/registry';
import { UpdateJuror } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors });

/** `PATCH /jurors/{jurorId}`: the certifier changes a juror's professional data, at the version named by If-Match. */
export const handler = apiHandler(UpdateJuror, async ({ caller, path, body, headers }) => {
  const juror = await updateJuror(deps, caller, path.jurorId, headers['if-match'], body);
  return { body: { juror }, headers: { etag: `"${juror.version}"` } };
});
