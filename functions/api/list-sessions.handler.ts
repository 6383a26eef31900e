import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { listSessions } from '../../shared/use-cases/sessions/list-sessions';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions`: sessions by centre, status and date range. */
export const handler = apiHandler(ROUTE.ListSessions, async ({ caller, query }) => ({ body: await listSessions(deps, caller, query) }));
