import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { getJuror } from '../../shared/use-cases/jurors/registry';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /jurors/{jurorId}`: a juror of the registry, as the caller may read it. */
export const handler = apiHandler(ROUTE.GetJuror, async ({ caller, path }) => {
  const juror = await getJuror(deps, caller, path.jurorId);
  return { body: { juror }, headers: { etag: `"${juror.version}"` } };
});
