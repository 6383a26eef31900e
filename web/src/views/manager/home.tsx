import { useSigned, useLoad } from '../../app/api';
import { href } from '../../app/router';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/format';
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
              <table>
                <caption>{t.sessionsCaption(page.items.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.date}</th>
                    <th scope="col">{t.title}</th>
                    <th scope="col">{t.address}</th>
                    <th scope="col">{t.statusHeading}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <a href={href('manager', 'sessions', s.id)}>{formatDate(s.sessionDate, language)}</a>
                        <span class="muted"> {s.timeZone}</span>
                      </th>
                      <td>{s.titleCode}</td>
                      <td>{s.address}</td>
                      <td>
                        <StatusBadge status={s.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
