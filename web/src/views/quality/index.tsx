import { useMessages } from '../../i18n/i18n';
import { UI } from '../../ui/messages';
import { CasesPage } from './cases-page';
import { SessionRecordPage } from './session-record-page';
import { SessionsPage } from './sessions-page';

/** The quality committee's area: appeals and violations, decisions, sealed records. */
export function QualityArea({ route }: { route: string[] }) {
  const t = useMessages(UI);
  const [first, sessionId] = route;
  if (!first) return <CasesPage />;
  if (first === 'sessions' && !sessionId) return <SessionsPage />;
  if (first === 'sessions' && sessionId) return <SessionRecordPage sessionId={sessionId} />;
  return <h1>{t.notFound}</h1>;
}
