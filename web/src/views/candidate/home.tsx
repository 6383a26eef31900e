import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { Deadline } from './deadline';
import { IntakeOverview } from './intake-overview';
import { CANDIDATE } from './messages';
import { useSessionName } from '../shared/session';
import { RESULT_STATUSES, SessionFacts } from './session-facts';

function RegistrationCard({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const name = useSessionName()(registration.session);
  const intake = useLoad((client) => client.deliverableStatus(registration.sessionId, registration.id), [registration.sessionId, registration.id]);
  const base = ['candidate', 'sessions', registration.sessionId, registration.id];
  return (
    <article class="card candidate-registration" aria-labelledby={`reg-${registration.id}`}>
      <h2 id={`reg-${registration.id}`}>{name}</h2>
      <SessionFacts registration={registration} />
      <ul class="candidate-links">
        <li>
          <a href={href(...base, 'deliverables')}>{t.openDeliverables}</a>
        </li>
        <li>
          <a href={href(...base, 'schedule')}>{t.openSchedule}</a>
        </li>
        {RESULT_STATUSES.has(registration.session.status) && (
          <li>
            <a href={href(...base, 'result')}>{t.openResult}</a>
          </li>
        )}
      </ul>
      <LoadedView loaded={intake}>
        {({ intake: data }) => (
          <>
            <Deadline intake={data} />
            <IntakeOverview intake={data} />
          </>
        )}
      </LoadedView>
    </article>
  );
}

/** The candidate's home: each registration with its session, the intake deadline counting down, what they owe and where each deliverable stands. */
export function CandidateHome() {
  const t = useMessages(CANDIDATE);
  const loaded = useLoad((client) => client.myRegistrations());
  return (
    <>
      <h1>{t.homeTitle}</h1>
      <LoadedView loaded={loaded}>
        {({ registrations }) =>
          registrations.length === 0 ? (
            <p>{t.noRegistration}</p>
          ) : (
            registrations.map((registration) => <RegistrationCard key={registration.id} registration={registration} />)
          )
        }
      </LoadedView>
    </>
  );
}
