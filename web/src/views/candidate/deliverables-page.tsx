import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { useLoad } from '../../app/api';
import { useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { Deadline } from './deadline';
import { CANDIDATE } from './messages';
import { UploadPanel } from './upload-panel';
import { StateBadge, VersionTable } from './versions';

/** Statuses in which a deliverable can still be sent: during intake, and late (DELIV-5) until the exam day. */
const UPLOADS_OPEN: ReadonlySet<SessionStatus> = new Set<SessionStatus>(['intake', 'jury-review', 'ready-for-exam']);

/** The upload page: the deadline with its countdown, and for each owed deliverable its range, an upload form and its versions. */
export function DeliverablesPage({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const loaded = useLoad((client) => client.deliverableStatus(registration.sessionId, registration.id), [registration.sessionId, registration.id]);
  const open = UPLOADS_OPEN.has(registration.session.status);
  return (
    <>
      <h1>{t.deliverablesTitle}</h1>
      <LoadedView loaded={loaded}>
        {({ intake }) => (
          <>
            <Deadline intake={intake} />
            {!open && <p class="notice notice-warn">{registration.session.status === 'planning' ? t.uploadsNotYet : t.uploadsClosed}</p>}
            {intake.deliverables.map((d) => {
              const label = t.deliverable(d.deliverableType, d.label);
              return (
                <section key={d.deliverableType} class="card candidate-deliverable" aria-labelledby={`h-${d.deliverableType}`} data-deliverable={d.deliverableType}>
                  <h2 id={`h-${d.deliverableType}`}>
                    {label} <StateBadge deliverable={d} />
                  </h2>
                  <p class="muted">{t.pageRange(d.pages.min, d.pages.max)}</p>
                  {open && <UploadPanel sessionId={registration.sessionId} registrationId={registration.id} deliverable={d} onSettled={loaded.reload} />}
                  <VersionTable deliverable={d} timeZone={intake.timeZone} />
                </section>
              );
            })}
          </>
        )}
      </LoadedView>
    </>
  );
}
