import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { importJurors } from '../../shared/use-cases/imports/import-jurors';
import { ImportJurors } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `POST /sessions/{sessionId}/jurors/import`: previews or assigns the registry jurors of a CSV file (JURY-2, JURY-3). */
export const handler = idempotentApiHandler(ImportJurors, async ({ caller, path, body, language, newId }) => ({
  body: await importJurors(deps, caller, path.sessionId, body, { importId: newId(), language }),
}));
