import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { formatDate } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { CANDIDATE } from './messages';

/** Statuses in which the candidate's result can be read: the PV is sealed (RETAKE-1). */
export const RESULT_STATUSES: ReadonlySet<SessionStatus> = new Set<SessionStatus>(['sealed', 'results-released', 'annulled']);

const STATUS_BADGE: Partial<Record<SessionStatus, string>> = { annulled: 'badge-error', failed: 'badge-error', 'results-released': 'badge-ok', intake: 'badge-warn' };

/** A session's status as a worded badge. */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useMessages(CANDIDATE);
  return <span class={`badge ${STATUS_BADGE[status] ?? 'badge-neutral'}`}>{t.sessionStatus(status)}</span>;
}

/** The heading text of a registration: the session's date and title. */
export function useSessionName(registration: MyRegistration): string {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  return t.sessionOf(formatDate(registration.session.sessionDate, language), registration.session.titleCode);
}

/** What a candidate needs to know of their session: date, start, place, status, attempt, extra time. */
export function SessionFacts({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const { session } = registration;
  return (
    <dl class="facts">
      <dt>{t.sessionDate}</dt>
      <dd>{formatDate(session.sessionDate, language)}</dd>
      <dt>{t.startTime}</dt>
      <dd>
        {session.startTime} ({session.timeZone})
      </dd>
      <dt>{t.address}</dt>
      <dd>{session.address}</dd>
      <dt>{t.status}</dt>
      <dd>
        <SessionStatusBadge status={session.status} />
      </dd>
      <dt>{t.attempt}</dt>
      <dd>{registration.attempt === 'retake' ? t.retake : t.firstAttempt}</dd>
      {registration.extraMinutes ? (
        <>
          <dt>{t.extraTime}</dt>
          <dd>{t.extraMinutes(registration.extraMinutes)}</dd>
        </>
      ) : null}
    </dl>
  );
}
