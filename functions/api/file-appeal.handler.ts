import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { fileAppeal } from '../../shared/use-cases/records/appeals';
import { FileAppeal } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `POST …/candidates/{registrationId}/appeals`: a candidate's appeal, admissible or answered with why (QUAL-1). */
export const handler = idempotentApiHandler(FileAppeal, async ({ caller, path, body, newId }) => ({
  body: { appeal: await fileAppeal(deps, caller, path.sessionId, path.registrationId, body, newId()) },
}));
