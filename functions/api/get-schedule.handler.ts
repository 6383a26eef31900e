import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { getSchedule } from '../../shared/use-cases/exam-day/schedule';
import { GetSchedule } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/schedule`: the day's schedule, as the caller may read it (EXAM-1). */
export const handler = apiHandler(GetSchedule, async ({ caller, path }) => ({ body: { schedule: await getSchedule(deps, caller, path.sessionId) } }));
