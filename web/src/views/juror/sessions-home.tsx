import { useState } from 'preact/hooks';
import type { PublicSession } from '../../../../shared/use-cases/sessions/records';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Busy, ProblemNotice } from '../../ui/problem';
import { JUROR } from './messages';
import { StatusBadge } from './parts';
import { zonedInstant } from './time';

/** When a session starts, in its own zone: the exam day's start once set, else its date and start time. */
export function sessionStart(session: Pick<PublicSession, 'sessionDate' | 'startTime' | 'timeZone' | 'examDay'>): string {
  return session.examDay?.startsAt ?? zonedInstant(session.sessionDate, session.startTime, session.timeZone);
}

function SessionRow({ session }: { session: PublicSession }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  return (
    <tr>
      <th scope="row">
        <a href={href('juror', 'sessions', session.id)}>{formatInstant(sessionStart(session), session.timeZone, language)}</a>
      </th>
      <td>{session.remote ? `${t.remote} — ${session.address}` : session.address}</td>
      <td>{session.titleCode}</td>
      <td>
        <StatusBadge status={session.status} />
      </td>
    </tr>
  );
}

/** The juror's home: the sessions they sit on, each with its date, place and status. */
export function SessionsHome() {
  const t = useMessages(JUROR);
  const [cursor, setCursor] = useState<string | undefined>();
  const [earlier, setEarlier] = useState<PublicSession[]>([]);
  const loaded = useLoad((client) => client.listSessions({ limit: 50, ...(cursor ? { cursor } : {}) }), [cursor]);
  const sessions = [...earlier, ...(loaded.loading ? [] : (loaded.data?.items ?? []))];
  const next = loaded.loading ? undefined : loaded.data?.nextCursor;
  return (
    <section aria-labelledby="juror-home">
      <h1 id="juror-home">{t.homeTitle}</h1>
      <p>{t.homeIntro}</p>
      <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} />
      {sessions.length > 0 && (
        <table>
          <caption>{t.sessionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colDate}</th>
              <th scope="col">{t.colPlace}</th>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">{t.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </tbody>
        </table>
      )}
      {loaded.loading && <Busy />}
      {!loaded.loading && !loaded.problem && sessions.length === 0 && <p class="notice notice-warn">{t.noSessions}</p>}
      {next && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setEarlier(sessions);
            setCursor(next);
          }}
        >
          {t.moreSessions}
        </button>
      )}
    </section>
  );
}
