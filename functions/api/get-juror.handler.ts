import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { getJuror } from '../../shared/use-cases/jurors/registry';
import { GetJuror } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /jurors/{jurorId}`: a juror of the registry, as the caller may read it. */
export const handler = apiHandler(GetJuror, async ({ caller, path }) => {
  const juror = await getJuror(deps, caller, path.jurorId);
  return { body: { juror }, headers: { etag: `"${juror.version}"` } };
});
