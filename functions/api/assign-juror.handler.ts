import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { assignJuror } from '../../shared/use-cases/jurors/assign-juror';
import { ROUTE } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `POST /sessions/{sessionId}/jurors`: assigns a registry juror (JURY-2, JURY-3). */
export const handler = apiHandler(ROUTE.AssignJuror, async ({ caller, path, body }) => ({
  body: { assignment: await assignJuror(deps, caller, path.sessionId, body.jurorId) },
}));
