import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { scheduleCalendar } from '../../shared/use-cases/exam-day/schedule';
import { ScheduleCalendar } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/schedule.ics`: the schedule as an iCalendar file. */
export const handler = apiHandler(ScheduleCalendar, async ({ caller, path }) => ({
  body: await scheduleCalendar(deps, caller, path.sessionId),
  contentType: 'text/calendar; charset=utf-8',
  headers: { 'content-disposition': `attachment; filename="session-${path.sessionId}.ics"` },
}));
