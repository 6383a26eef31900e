import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { assignJuror } from '../../shared/use-cases/jurors/assign-juror';
import { AssignJuror } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `POST /sessions/{sessionId}/jurors`: assigns a registry juror (JURY-2, JURY-3). */
export const handler = idempotentApiHandler(AssignJuror, async ({ caller, path, body }) => ({
  body: { assignment: await assignJuror(deps, caller, path.sessionId, body.jurorId) },
}));
