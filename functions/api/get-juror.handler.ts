import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { getJuror } from '../../shared/use-cases/jurors/registry';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /jurors/{jurorId}`: a juror of the registry. */
export const handler = apiHandler(ROUTE.GetJuror, async ({ path }) => ({ body: { juror: await getJuror(deps, path.jurorId) } }));
