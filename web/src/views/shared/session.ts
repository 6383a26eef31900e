import type { PublicSession } from '../../../../shared/use-cases/sessions/records';
import { formatDate, zonedInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { WORDS } from '../../i18n/words';

/** A session named as people read it: its date, written the reader's way, and its title's code. */
export function useSessionName(): (session: Pick<PublicSession, 'sessionDate' | 'titleCode'>) => string {
  const w = useMessages(WORDS);
  const { language } = useLanguage();
  return (session) => w.sessionOf(formatDate(session.sessionDate, language), session.titleCode);
}

/** When a session starts, in its own zone: the exam day's start once set, else its date and start time. */
export function sessionStart(session: Pick<PublicSession, 'sessionDate' | 'startTime' | 'timeZone' | 'examDay'>): string {
  return session.examDay?.startsAt ?? zonedInstant(session.sessionDate, session.startTime, session.timeZone);
}
