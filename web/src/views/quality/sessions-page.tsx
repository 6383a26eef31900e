import { useState } from 'preact/hooks';
import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatDate } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { LoadedView } from '../../ui/loaded';
import { AreaNav } from './area-nav';
import { QUALITY, SESSION_STATUSES } from './messages';
import { useSessionName } from '../shared/session';
import { recentCentres } from './recent-centres';
import { StatusBadge } from './status-badge';

interface Query {
  centreId: string;
  status?: SessionStatus;
}

function SessionList({ query }: { query: Query }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const name = useSessionName();
  const loaded = useLoad((client) => client.listSessions({ centreId: query.centreId, ...(query.status ? { status: query.status } : {}), limit: 100 }), [query.centreId, query.status]);
  return (
    <LoadedView loaded={loaded}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t.noSession}</p>
        ) : (
          <DataTable
            caption={t.sessionsOfCentre(query.centreId)}
            columns={[
              { header: t.date, rowHeader: true, cell: (session) => formatDate(session.sessionDate, language) },
              { header: t.title, cell: (session) => session.titleCode },
              { header: t.address, cell: (session) => session.address },
              { header: t.status, cell: (session) => <StatusBadge status={session.status} /> },
              { header: t.open, cell: (session) => <a href={href('quality', 'sessions', session.id)}>{t.openSession(name(session))}</a> },
            ]}
            rows={items}
            rowKey={(session) => session.id}
          />
        )
      }
    </LoadedView>
  );
}

/**
 * The sessions of a centre (the API lists one centre at a time for the committee), each leading to
 * its record; the centres consulted in this tab are offered, and the last one is listed again on return.
 */
export function SessionsPage() {
  const t = useMessages(QUALITY);
  const [recent, setRecent] = useState(() => recentCentres.read());
  const [draft, setDraft] = useState<Query>({ centreId: recent[0] ?? '' });
  const [query, setQuery] = useState<Query | undefined>(recent[0] ? { centreId: recent[0] } : undefined);
  return (
    <>
      <AreaNav current="sessions" />
      <h1>{t.sessionsTitle}</h1>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          const centreId = draft.centreId.trim();
          setRecent(recentCentres.remember(centreId));
          setQuery({ ...draft, centreId });
        }}
      >
        <label>
          {t.centre}
          <input required list="recent-centres" value={draft.centreId} aria-describedby="centre-hint" onInput={(e) => setDraft({ ...draft, centreId: (e.target as HTMLInputElement).value })} />
          <datalist id="recent-centres">
            {recent.map((centreId) => (
              <option key={centreId} value={centreId} />
            ))}
          </datalist>
        </label>
        <label>
          {t.status}
          <select
            value={draft.status ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value as SessionStatus | '';
              setDraft({ centreId: draft.centreId, ...(value ? { status: value } : {}) });
            }}
          >
            <option value="">{t.anyStatus}</option>
            {SESSION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.search}</button>
      </form>
      <p id="centre-hint" class="muted">
        {t.centreHint}
      </p>
      {query && <SessionList query={query} />}
    </>
  );
}
