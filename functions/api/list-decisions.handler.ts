import { wire } from '../../shared/adapters/ports/port';
import { sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { sessionDecisions } from '../../shared/use-cases/records/committee';
import { ListDecisions } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ sessions });

/** `GET /sessions/{sessionId}/committee-decisions`: the committee's decisions on a session (QUAL-2). */
export const handler = apiHandler(ListDecisions, async ({ caller, path }) => ({ body: { decisions: await sessionDecisions(deps, caller, path.sessionId) } }));
