import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { withdrawJuror } from '../../shared/use-cases/jurors/assign-juror';
import { ROUTE } from '../../shared/wiring/routes';

/** `DELETE /sessions/{sessionId}/jurors/{jurorId}`: withdraws a juror, unless the jury would break JURY-1 or JURY-4. */
export const handler = apiHandler(ROUTE.WithdrawJuror, async ({ caller, path }) => ({
  body: await withdrawJuror(deps, caller, path.sessionId, path.jurorId),
}));
