import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import type { ExamRecord } from '../../../../../shared/use-cases/exam-day/records';
import { useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_EXAM } from '../messages';
import { CandidateConsole } from './candidate-console';
import { Incidents } from './incidents';
import { OrderEditor } from './order-editor';
import { ScheduleTable } from './schedule-table';
import { SessionClock } from './session-clock';

/**
 * The exam-day console: the clock in the session's zone, the day's schedule and order (EXAM-1),
 * each candidate's check-in, identity check (EXAM-5) and oral, and the day's incidents.
 */
export function ExamDayTab({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  const schedule = useLoad((client) => client.schedule(session.id), [session.id, session.version]);
  const [exams, setExams] = useState<Record<string, ExamRecord>>({});
  const current = session.examDay?.current;
  const active = session.status === 'ready-for-exam' || session.status === 'exam-day';
  const recorded = (exam: ExamRecord) => {
    setExams((all) => ({ ...all, [exam.registrationId]: exam }));
    onChanged();
  };
  return (
    <>
      <SessionClock timeZone={session.timeZone} />
      <p>
        {session.examDay?.openedAt ? t.opened(formatInstant(session.examDay.openedAt, session.timeZone, language)) : t.notOpened}{' '}
        <button type="button" class="secondary" onClick={onChanged}>
          {t.refresh}
        </button>
      </p>
      <LoadedView loaded={schedule}>
        {({ schedule: day }) => {
          const names = Object.fromEntries(day.slots.map((s) => [s.registrationId, s.candidateName]));
          return (
            <>
              <p role="status">{current ? t.current(names[current] ?? current) : t.noCurrent}</p>
              <h2>{t.scheduleHeading}</h2>
              <ScheduleTable schedule={day} current={current} />
              {!day.fixed && <OrderEditor sessionId={session.id} slots={day.slots} onDone={schedule.reload} />}
              <h2>{t.candidatesHeading}</h2>
              {!active && <p class="notice notice-warn">{t.notActive}</p>}
              {day.slots.map((slot) => (
                <CandidateConsole key={slot.registrationId} session={session} slot={slot} exam={exams[slot.registrationId]} called={current === slot.registrationId} active={active} onRecorded={recorded} />
              ))}
              <Incidents session={session} candidates={day.slots.map((s) => ({ id: s.registrationId, name: s.candidateName }))} />
            </>
          );
        }}
      </LoadedView>
    </>
  );
}
