import { useState } from 'preact/hooks';
import { useLoad } from '../../../app/api';
import { formatInstant } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { LoadedView } from '../../../ui/loaded';
import { JUROR } from '../messages';
import { type TabProps, TabSection } from '../parts';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { CurrentCandidate } from './current-candidate';
import { ScheduleTable } from './schedule-table';
import { SessionClock } from './session-clock';
import { useNow } from '../../../app/server-clock';
import { useEvery } from './use-every';

/** How often the day's state is read again: the current candidate and their stage. */
const REFRESH_MS = 15_000;

/** Once the session is here, the day has nothing left to follow. */
const AFTER_THE_DAY: readonly SessionView['status'][] = ['deliberated', 'sealed', 'results-released', 'annulled', 'failed'];

/**
 * The exam day (EXAM-1..6): the running clock in the session's zone, the candidate the jury hears
 * now and the stage of their oral, and the day's order with each oral's segments.
 */
export function ExamDayTab({ session, onSessionChanged }: TabProps) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const now = useNow(1000);
  const [tick, setTick] = useState(0);
  const schedule = useLoad((client) => client.schedule(session.id), [session.id]);
  const dayOver = Boolean(session.examDay?.closedAt) || AFTER_THE_DAY.includes(session.status);
  useEvery(
    REFRESH_MS,
    () => {
      onSessionChanged();
      setTick((n) => n + 1);
    },
    !dayOver,
  );
  const current = session.status === 'exam-day' ? session.examDay?.current : undefined;
  return (
    <TabSection tab="exam-day">
      <p>{t.examIntro}</p>
      <SessionClock now={now} timeZone={session.timeZone} />
      <LoadedView loaded={schedule}>
        {({ schedule: day }) => (
          <>
            {session.examDay?.closedAt ? (
              <p>{t.dayClosed}</p>
            ) : current ? (
              <CurrentCandidate sessionId={session.id} registrationId={current} slot={day.slots.find((s) => s.registrationId === current)} timeZone={day.timeZone} now={now} tick={tick} />
            ) : session.status === 'exam-day' ? (
              <p>{t.waitingCall}</p>
            ) : (
              <p>{t.dayStartsAt(formatInstant(day.startsAt, day.timeZone, language))}</p>
            )}
            <h3>{t.scheduleTitle}</h3>
            <ScheduleTable schedule={day} current={current} />
          </>
        )}
      </LoadedView>
    </TabSection>
  );
}
