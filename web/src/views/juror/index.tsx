import { useMessages } from '../../i18n/i18n';
import { UI } from '../../ui/messages';
import { SessionPage } from './session-page';
import { SessionsHome } from './sessions-home';

/** The juror's area: their sessions, dossier, declarations, exam day, grids and PV. */
export function JurorArea({ route }: { route: string[] }) {
  const ui = useMessages(UI);
  const [first, sessionId, tab, ...rest] = route;
  if (!first) return <SessionsHome />;
  if (first === 'sessions' && sessionId) return <SessionPage sessionId={sessionId} tab={tab} rest={rest} />;
  return <h1>{ui.notFound}</h1>;
}
