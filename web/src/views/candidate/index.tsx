import { useMessages } from '../../i18n/i18n';
import { UI } from '../../ui/messages';
import { CandidateHome } from './home';
import { RegistrationPage, type RegistrationTab } from './registration-page';

const TABS: readonly RegistrationTab[] = ['deliverables', 'schedule', 'result'];

/** The candidate's area: their registrations, deadlines, uploads, schedule and results. */
export function CandidateArea({ route }: { route: string[] }) {
  const t = useMessages(UI);
  const [first, sessionId, registrationId, tab = 'deliverables'] = route;
  if (!first) return <CandidateHome />;
  if (first === 'sessions' && sessionId && registrationId && TABS.includes(tab as RegistrationTab)) {
    return <RegistrationPage sessionId={sessionId} registrationId={registrationId} tab={tab as RegistrationTab} />;
  }
  return (
    <>
      <h1>{t.notFound}</h1>
    </>
  );
}
