import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate, formatInstant } from '../../../i18n/format';
import { MANAGER, MANAGER_PLANNING } from '../messages';
import { StatusBadge } from '../status-badge';
import { zonedInstant } from '../zoned';

/** The session's facts: its title, its day and start in its own zone with the offset, where, and what it waits for. */
export function SessionFacts({ session }: { session: SessionView }) {
  const t = useMessages(MANAGER_PLANNING);
  const m = useMessages(MANAGER);
  const { language } = useLanguage();
  const zone = session.timeZone;
  const startsAt = session.examDay?.startsAt ?? zonedInstant(session.sessionDate, session.startTime, zone);
  return (
    <dl class="facts">
      <dt>{m.titleCode}</dt>
      <dd>{session.titleCode}</dd>
      <dt>{m.sessionDate}</dt>
      <dd>{formatDate(session.sessionDate, language)}</dd>
      <dt>{t.startsAt}</dt>
      <dd>{formatInstant(startsAt, zone, language)}</dd>
      <dt>{m.timeZone}</dt>
      <dd>{zone}</dd>
      <dt>{m.address}</dt>
      <dd>{session.address}</dd>
      <dt>{t.mode}</dt>
      <dd>{session.remote ? t.remote : t.onSite}</dd>
      {session.cohort && (
        <>
          <dt>{t.cohort}</dt>
          <dd>{t.cohortFacts(session.cohort.name, formatDate(session.cohort.startDate, language), formatDate(session.cohort.prairieEnd, language))}</dd>
        </>
      )}
      <dt>{m.statusHeading}</dt>
      <dd>
        <StatusBadge status={session.status} />
      </dd>
      {session.intake && (
        <>
          <dt>{t.intakeCloses}</dt>
          <dd>{formatInstant(session.intake.closesAt, zone, language)}</dd>
        </>
      )}
      <dt>{t.next}</dt>
      <dd>
        {t.nextStep(session.next.step)}
        {session.next.at && ` — ${formatInstant(session.next.at, zone, language)}`}
      </dd>
      <dt>{t.counts}</dt>
      <dd>{t.countsValue(session.candidates, session.jurors.length)}</dd>
      {session.planningClosed && (
        <>
          <dt>{t.planningClosedAt}</dt>
          <dd>{formatInstant(session.planningClosed.at, zone, language)}</dd>
        </>
      )}
    </dl>
  );
}
