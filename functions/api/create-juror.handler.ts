import { wire } from '../../shared/adapters/ports/port';
import { jurors } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { createJuror } from '../../shared/use-cases/jurors/registry';
import { CreateJuror } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors });

/** `POST /jurors`: adds a professional to the juror registry (JURY-2). */
export const handler = idempotentApiHandler(CreateJuror, async ({ caller, body, newId }) => {
  const juror = await createJuror(deps, caller, body, newId());
  return { body: { juror }, headers: { location: `/jurors/${juror.id}` } };
});
