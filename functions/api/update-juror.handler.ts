import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { updateJuror } from '../../shared/use-cases/jurors/registry';
import { ROUTE } from '../../shared/wiring/routes';

/** `PATCH /jurors/{jurorId}`: the certifier changes a juror's professional data, at the version named by If-Match. */
export const handler = apiHandler(ROUTE.UpdateJuror, async ({ caller, path, body, headers }) => {
  const juror = await updateJuror(deps, caller, path.jurorId, headers['if-match'], body);
  return { body: { juror }, headers: { etag: `"${juror.version}"` } };
});
