import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { apiHandler } from '../../shared/http/api-handler';
import { withdrawJuror } from '../../shared/use-cases/jurors/assign-juror';
import { WithdrawJuror } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `DELETE /sessions/{sessionId}/jurors/{jurorId}`: withdraws a juror, unless the jury would break JURY-1 or JURY-4. */
export const handler = apiHandler(WithdrawJuror, async ({ caller, path }) => ({
  body: await withdrawJuror(deps, caller, path.sessionId, path.jurorId),
}));
