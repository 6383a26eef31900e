import type { SessionView } from '../../../../shared/use-cases/sessions/get-session';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { LoadedView } from '../../ui/loaded';
import { UI } from '../../ui/messages';
import { TabNav } from '../../ui/tab-nav';
import { DeclarationsTab } from './declarations/declarations-tab';
import { DossierTab } from './dossier/dossier-tab';
import { ExamDayTab } from './exam-day/exam-day-tab';
import { GridsTab } from './grid/grids-tab';
import { JUROR } from './messages';
import { StatusBadge } from './parts';
import { PvTab } from './pv/pv-tab';
import { sessionStart } from '../shared/session';

/** The session page's tabs, in the order of the session's life. */
export const TABS = ['dossier', 'declarations', 'exam-day', 'grids', 'pv'] as const;

/** One of the session page's tabs. */
export type Tab = (typeof TABS)[number];

/** The tab a session opens on when none is named: where the juror has something to do now. */
function defaultTab(status: string): Tab {
  if (status === 'jury-review') return 'declarations';
  if (status === 'exam-day') return 'exam-day';
  if (status === 'deliberated' || status === 'sealed' || status === 'results-released') return 'pv';
  return 'dossier';
}

function TabLinks({ sessionId, current }: { sessionId: string; current: Tab }) {
  const t = useMessages(JUROR);
  return <TabNav label={t.tabsLabel} class="tabs juror-tabs" tabs={TABS.map((tab) => ({ id: tab, label: t.tab(tab), href: href('juror', 'sessions', sessionId, tab) }))} current={current} />;
}

function SessionFacts({ session }: { session: SessionView }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  return (
    <Facts
      label={t.sessionFacts}
      facts={[
        [t.startsAt, formatInstant(sessionStart(session), session.timeZone, language)],
        [t.place, session.remote ? `${t.remote} — ${session.address}` : session.address],
        [t.timeZone, session.timeZone],
        [t.colStatus, <StatusBadge status={session.status} />],
        [t.jurors, session.jurors.map((j) => `${j.firstName} ${j.lastName}`).join(', ')],
        [t.candidatesCount, session.candidates],
      ]}
    />
  );
}

/** A session the juror sits on: its heading and facts, its tabs, and the current tab's work. */
export function SessionPage({ sessionId, tab, rest }: { sessionId: string; tab: string | undefined; rest: string[] }) {
  const t = useMessages(JUROR);
  const ui = useMessages(UI);
  const { language } = useLanguage();
  const loaded = useLoad((client) => client.getSession(sessionId), [sessionId, tab]);
  const named = tab === undefined ? undefined : (TABS as readonly string[]).includes(tab) ? (tab as Tab) : null;
  return (
    <>
      <p>
        <a href={href('juror')}>{t.backToSessions}</a>
      </p>
      {!loaded.data && <h1>{t.sessionFallback}</h1>}
      <LoadedView loaded={loaded}>
        {({ session }) => {
          const current = named === undefined ? defaultTab(session.status) : named;
          const props = { session, onSessionChanged: loaded.reload };
          return (
            <>
              <h1>
                {t.sessionHeading(session.titleCode, formatDate(session.sessionDate, language))}
                {current && <span class="muted"> — {t.tab(current)}</span>}
              </h1>
              <SessionFacts session={session} />
              <TabLinks sessionId={sessionId} current={current ?? 'dossier'} />
              <div class="juror-panel">
                {current === 'dossier' && <DossierTab {...props} />}
                {current === 'declarations' && <DeclarationsTab {...props} />}
                {current === 'exam-day' && <ExamDayTab {...props} />}
                {current === 'grids' && <GridsTab {...props} registrationId={rest[0]} />}
                {current === 'pv' && <PvTab {...props} />}
                {current === null && <p>{ui.notFound}</p>}
              </div>
            </>
          );
        }}
      </LoadedView>
    </>
  );
}
