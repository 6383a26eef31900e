import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { listIncidents } from '../../shared/use-cases/exam-day/incidents';
import { ListIncidents } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/incidents`: the session's incidents and where each went. */
export const handler = apiHandler(ListIncidents, async ({ caller, path, language }) => ({ body: await listIncidents(deps, caller, path.sessionId, language) }));
