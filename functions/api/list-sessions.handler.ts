import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { listSessions } from '../../shared/use-cases/sessions/list-sessions';
import { ListSessions } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions`: sessions by centre, status and date range. */
export const handler = apiHandler(ListSessions, async ({ caller, query, language }) => ({ body: await listSessions(deps, caller, query, language) }));
