import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { importCandidates } from '../../shared/use-cases/imports/import-candidates';
import { ImportCandidates } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST /sessions/{sessionId}/candidates/import`: previews or registers the candidates of a CSV file. */
export const handler = idempotentApiHandler(ImportCandidates, async ({ caller, path, body, language, newId }) => ({
  body: await importCandidates(deps, caller, path.sessionId, body, { importId: newId(), language }),
}));
