import { useState } from 'preact/hooks';
import type { PublicSession } from '../../../../shared/use-cases/sessions/records';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Busy, ProblemNotice } from '../../ui/problem';
import { JUROR } from './messages';
import { sessionStart } from '../shared/session';
import { StatusBadge } from './parts';

function SessionTable({ sessions }: { sessions: readonly PublicSession[] }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  return (
    <DataTable
      caption={t.sessionsCaption}
      columns={[
        { header: t.colDate, rowHeader: true, cell: (s) => <a href={href('juror', 'sessions', s.id)}>{formatInstant(sessionStart(s), s.timeZone, language)}</a> },
        { header: t.colPlace, cell: (s) => (s.remote ? `${t.remote} — ${s.address}` : s.address) },
        { header: t.colTitle, cell: (s) => s.titleCode },
        { header: t.colStatus, cell: (s) => <StatusBadge status={s.status} /> },
      ]}
      rows={sessions}
      rowKey={(s) => s.id}
    />
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
      {sessions.length > 0 && <SessionTable sessions={sessions} />}
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
