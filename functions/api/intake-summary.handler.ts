import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { intakeSummary } from '../../shared/use-cases/deliverables/intake-status';
import { IntakeSummary } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/intake`: who is complete, missing, late. */
export const handler = apiHandler(IntakeSummary, async ({ caller, path, language }) => ({ body: { intake: await intakeSummary(deps, caller, path.sessionId, language) } }));
