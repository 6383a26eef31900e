import { useMessages } from '../../i18n/i18n';
import { UI } from '../../ui/messages';
import { ManagerHome } from './home';
import { SessionPage } from './session-page';

/** The session manager's area: the centre's sessions, then each session's planning, imports, intake, exam day and PV. */
export function ManagerArea({ route }: { route: string[] }) {
  const ui = useMessages(UI);
  const [section, sessionId, tab] = route;
  if (!section) return <ManagerHome />;
  if (section === 'sessions' && sessionId) return <SessionPage sessionId={sessionId} tab={tab ?? 'planning'} />;
  return (
    <>
      <h1>{ui.notFound}</h1>
      <p>
        <a href="#/manager">{ui.back}</a>
      </p>
    </>
  );
}
