import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate, formatInstant } from '../../../i18n/format';
import { Facts } from '../../../ui/facts';
import { sessionStart } from '../../shared/session';
import { MANAGER, MANAGER_PLANNING } from '../messages';
import { StatusBadge } from '../status-badge';

/** The session's facts: its title, its day and start in its own zone with the offset, where, and what it waits for. */
export function SessionFacts({ session }: { session: SessionView }) {
  const t = useMessages(MANAGER_PLANNING);
  const m = useMessages(MANAGER);
  const { language } = useLanguage();
  const zone = session.timeZone;
  const startsAt = sessionStart(session);
  return (
    <Facts
      facts={[
        [m.titleCode, session.titleCode],
        [m.sessionDate, formatDate(session.sessionDate, language)],
        [t.startsAt, formatInstant(startsAt, zone, language)],
        [m.timeZone, zone],
        [m.address, session.address],
        [t.mode, session.remote ? t.remote : t.onSite],
        session.cohort && [t.cohort, t.cohortFacts(session.cohort.name, formatDate(session.cohort.startDate, language), formatDate(session.cohort.prairieEnd, language))],
        [m.statusHeading, <StatusBadge status={session.status} />],
        session.intake && [t.intakeCloses, formatInstant(session.intake.closesAt, zone, language)],
        [
          t.next,
          <>
            {t.nextStep(session.next.step)}
            {session.next.at && ` — ${formatInstant(session.next.at, zone, language)}`}
          </>,
        ],
        [t.counts, t.countsValue(session.candidates, session.jurors.length)],
        session.planningClosed && [t.planningClosedAt, formatInstant(session.planningClosed.at, zone, language)],
      ]}
    />
  );
}
