import type { UpdateSessionInput } from '../../schemas/session-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { assertSessionDates } from './create-session';
import { calendarOf, type SessionRecord } from './records';
import { assertManagesSession, assertPlanningOpen } from './session-access';
import { applySessionChange } from './session-changes';

/**
 * Changes a session's date, time zone, start time, address, mode or cohort while it is in planning. The caller names
 * the version it saw (If-Match): when someone changed the session since, nothing is written
 * and the caller gets a conflict.
 */
export async function updateSession(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  expectedVersion: number,
  input: UpdateSessionInput,
): Promise<SessionRecord> {
  const planning = await applySessionChange(
    deps,
    sessionId,
    actorOf(caller),
    ({ session }, at) => {
      assertPlanningOpen(session);
      const next = { ...session, ...input };
      assertSessionDates({ ...next, timeZone: calendarOf(next).timeZone }, new Date(at));
      return { session: input, action: 'session.updated', details: { changed: Object.keys(input) } };
    },
    { expectedVersion, authorize: ({ session }) => assertManagesSession(caller, session) },
  );
  return planning.session;
}
