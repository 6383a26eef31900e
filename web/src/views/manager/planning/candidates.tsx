import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import type { FullRegistrationView } from '../../../../../shared/use-cases/candidates/registration-views';
import { useLoad } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_PLANNING } from '../messages';
import { AccommodationForm } from './accommodation-form';
import { RegisterCandidateForm } from './register-candidate-form';

function isFull(r: object): r is FullRegistrationView {
  return 'registeredAt' in r && 'candidate' in r && 'email' in (r as FullRegistrationView).candidate;
}

/** The session's candidates (what the centre knows of each), registering one, and extra time for a disability (EXAM-2). */
export function CandidatesSection({ session, editable, onChanged }: { session: SessionView; editable: boolean; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const registrations = useLoad((client) => client.listRegistrations(session.id), [session.id, session.candidates, session.version]);
  const changed = () => {
    registrations.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">{t.candidatesHeading}</h2>
      <LoadedView loaded={registrations}>
        {({ registrations: list }) => {
          const rows = list.filter(isFull);
          return rows.length === 0 ? (
            <p>{t.noCandidates}</p>
          ) : (
            <DataTable
              caption={t.candidatesCaption(rows.length)}
              columns={[
                {
                  header: t.candidateName,
                  rowHeader: true,
                  cell: (r) => (
                    <>
                      {r.candidate.firstName} {r.candidate.lastName}
                    </>
                  ),
                },
                { header: t.email, cell: (r) => r.candidate.email },
                { header: t.userId, cell: (r) => <code>{r.candidate.userId}</code> },
                { header: t.attempt, cell: (r) => (r.attempt === 'first' ? t.firstAttempt : t.retakeAttempt(r.previouslyValidatedBlocks.join(', '))) },
                {
                  header: t.accommodation,
                  cell: (r) => (
                    <>
                      {r.accommodation ? t.extraTime(r.accommodation.extraMinutes) : t.noAccommodation}
                      {editable && <AccommodationForm sessionId={session.id} registration={r} onDone={changed} />}
                    </>
                  ),
                },
              ]}
              rows={rows}
              rowKey={(r) => r.id}
            />
          );
        }}
      </LoadedView>
      {editable && (
        <>
          <h3>{t.registerHeading}</h3>
          <RegisterCandidateForm sessionId={session.id} onDone={changed} />
        </>
      )}
    </section>
  );
}
