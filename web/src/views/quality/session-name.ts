import type { PublicSession } from '../../../../shared/use-cases/sessions/records';
import { formatDate } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { QUALITY } from './messages';

/** A session named as the committee reads it: its date, written the reader's way, and its title's code. */
export function useSessionName(): (session: Pick<PublicSession, 'sessionDate' | 'titleCode'>) => string {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  return (session) => t.sessionOf(formatDate(session.sessionDate, language), session.titleCode);
}
