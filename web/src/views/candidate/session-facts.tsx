import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { formatDate, formatTime, zonedInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { CANDIDATE } from './messages';

/** Statuses in which the candidate's result can be read: the PV is sealed (RETAKE-1). */
export const RESULT_STATUSES: ReadonlySet<SessionStatus> = new Set<SessionStatus>(['sealed', 'results-released', 'annulled']);

const STATUS_BADGE: Partial<Record<SessionStatus, string>> = { annulled: 'badge-error', failed: 'badge-error', 'results-released': 'badge-ok', intake: 'badge-warn' };

/** A session's status as a worded badge. */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useMessages(CANDIDATE);
  return <span class={`badge ${STATUS_BADGE[status] ?? 'badge-neutral'}`}>{t.sessionStatus(status)}</span>;
}

/** What a candidate needs to know of their session: date, start in the session's zone with its offset, place, status, attempt, extra time. */
export function SessionFacts({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const { session } = registration;
  return (
    <Facts
      facts={[
        [t.sessionDate, formatDate(session.sessionDate, language)],
        [t.startTime, formatTime(zonedInstant(session.sessionDate, session.startTime, session.timeZone), session.timeZone, language)],
        [t.timeZone, session.timeZone],
        [t.address, session.address],
        [t.status, <SessionStatusBadge status={session.status} />],
        [t.attempt, registration.attempt === 'retake' ? t.retake : t.firstAttempt],
        registration.extraMinutes ? [t.extraTime, t.extraMinutes(registration.extraMinutes)] : null,
      ]}
    />
  );
}
