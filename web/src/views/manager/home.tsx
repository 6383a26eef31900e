import { useSigned, useLoad } from '../../app/api';
import { href } from '../../app/router';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/data-table';
import { LoadedView } from '../../ui/loaded';
import { CreateSessionForm } from './create-session-form';
import { MANAGER } from './messages';
import { StatusBadge } from './status-badge';

/** The manager's home: the centre's sessions by date, and a form to create one. */
export function ManagerHome() {
  const t = useMessages(MANAGER);
  const { language } = useLanguage();
  const { person } = useSigned();
  const sessions = useLoad((client) => client.listSessions({ limit: 100 }));
  return (
    <>
      <h1>{t.homeTitle}</h1>
      {person.centreId && <p class="muted">{t.centre(person.centreId)}</p>}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t.sessionsHeading}</h2>
        <LoadedView loaded={sessions}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t.noSessions}</p>
            ) : (
              <DataTable
                caption={t.sessionsCaption(page.items.length)}
                columns={[
                  {
                    header: t.date,
                    rowHeader: true,
                    cell: (s) => (
                      <>
                        <a href={href('manager', 'sessions', s.id)}>{formatDate(s.sessionDate, language)}</a>
                        <span class="muted"> {s.timeZone}</span>
                      </>
                    ),
                  },
                  { header: t.title, cell: (s) => s.titleCode },
                  { header: t.address, cell: (s) => s.address },
                  { header: t.statusHeading, cell: (s) => <StatusBadge status={s.status} /> },
                ]}
                rows={page.items}
                rowKey={(s) => s.id}
              />
            )
          }
        </LoadedView>
      </section>
      <section aria-labelledby="create-heading">
        <h2 id="create-heading">{t.createHeading}</h2>
        <CreateSessionForm onCreated={sessions.reload} />
      </section>
    </>
  );
}
