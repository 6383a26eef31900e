import { deps } from '../../shared/adapters/dependencies';
import { apiHandler } from '../../shared/http/api-handler';
import { getSchedule } from '../../shared/use-cases/exam-day/schedule';
import { ROUTE } from '../../shared/wiring/routes';

/** `GET /sessions/{sessionId}/schedule`: the day's schedule, as the caller may read it (EXAM-1). */
export const handler = apiHandler(ROUTE.GetSchedule, async ({ caller, path }) => ({ body: { schedule: await getSchedule(deps, caller, path.sessionId) } }));
