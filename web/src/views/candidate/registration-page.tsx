import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { TabNav } from '../../ui/tab-nav';
import { DeliverablesPage } from './deliverables-page';
import { CANDIDATE } from './messages';
import { ResultPage } from './result-page';
import { SchedulePage } from './schedule-page';
import { useSessionName } from '../shared/session';
import { RESULT_STATUSES } from './session-facts';

/** The pages of one registration. */
export type RegistrationTab = 'deliverables' | 'schedule' | 'result';

function Tabs({ registration, tab }: { registration: MyRegistration; tab: RegistrationTab }) {
  const t = useMessages(CANDIDATE);
  const base = ['candidate', 'sessions', registration.sessionId, registration.id];
  const tabs: Array<{ id: RegistrationTab; label: string }> = [
    { id: 'deliverables', label: t.openDeliverables },
    { id: 'schedule', label: t.openSchedule },
    ...(RESULT_STATUSES.has(registration.session.status) ? [{ id: 'result' as const, label: t.openResult }] : []),
  ];
  return (
    <TabNav label={t.registrationNav} tabs={tabs.map((item) => ({ ...item, href: href(...base, item.id) }))} current={tab}>
      <li>
        <a href={href('candidate')}>{t.backHome}</a>
      </li>
    </TabNav>
  );
}

function TabPage({ registration, tab }: { registration: MyRegistration; tab: RegistrationTab }) {
  const name = useSessionName()(registration.session);
  return (
    <>
      <Tabs registration={registration} tab={tab} />
      <p class="candidate-session-name">{name}</p>
      {tab === 'deliverables' && <DeliverablesPage registration={registration} />}
      {tab === 'schedule' && <SchedulePage registration={registration} />}
      {tab === 'result' && <ResultPage registration={registration} />}
    </>
  );
}

/** One of the candidate's registrations, found among their own, and the page asked for. */
export function RegistrationPage({ sessionId, registrationId, tab }: { sessionId: string; registrationId: string; tab: RegistrationTab }) {
  const t = useMessages(CANDIDATE);
  const loaded = useLoad((client) => client.myRegistrations());
  return (
    <LoadedView loaded={loaded}>
      {({ registrations }) => {
        const registration = registrations.find((r) => r.id === registrationId && r.sessionId === sessionId);
        if (!registration) {
          return (
            <>
              <h1>{t.homeTitle}</h1>
              <p class="notice notice-error" role="alert">
                {t.notRegistered}
              </p>
              <a href={href('candidate')}>{t.backHome}</a>
            </>
          );
        }
        return <TabPage registration={registration} tab={tab} />;
      }}
    </LoadedView>
  );
}
