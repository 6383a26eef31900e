import { wire } from '../../shared/adapters/ports/port';
import { jurors } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { addHabilitation } from '../../shared/use-cases/jurors/registry';
import { AddHabilitation } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors });

/** `POST /jurors/{jurorId}/habilitations`: records a juror's new habilitation (JURY-2). */
export const handler = idempotentApiHandler(AddHabilitation, async ({ caller, path, body, newId }) => ({
  body: { juror: await addHabilitation(deps, caller, path.jurorId, body, newId()) },
}));
