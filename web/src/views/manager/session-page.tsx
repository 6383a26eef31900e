import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/format';
import { UI } from '../../ui/messages';
import { LoadedView } from '../../ui/loaded';
import { TabNav } from '../../ui/tab-nav';
import { ExamDayTab } from './exam-day/exam-day-tab';
import { ImportTab } from './import/import-tab';
import { IntakeTab } from './intake/intake-tab';
import { MANAGER } from './messages';
import { PlanningTab } from './planning/planning-tab';
import { PvTab } from './pv/pv-tab';
import { StatusBadge } from './status-badge';

/** The session page's tabs, in the order of the session's life. */
export const TABS = ['planning', 'import', 'intake', 'exam-day', 'pv'] as const;

/** One of the session page's tabs. */
export type Tab = (typeof TABS)[number];

function TabLinks({ sessionId, current }: { sessionId: string; current: Tab }) {
  const t = useMessages(MANAGER);
  return <TabNav label={t.tabsLabel} class="tabs manager-session-tabs" tabs={TABS.map((tab) => ({ id: tab, label: t.tab(tab), href: href('manager', 'sessions', sessionId, tab) }))} current={current} />;
}

/** A session of the centre: its heading, its tabs, and the current tab's work. */
export function SessionPage({ sessionId, tab }: { sessionId: string; tab: string }) {
  const t = useMessages(MANAGER);
  const ui = useMessages(UI);
  const { language } = useLanguage();
  const loaded = useLoad((client) => client.getSession(sessionId), [sessionId]);
  const current = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : undefined;
  return (
    <>
      <p>
        <a href={href('manager')}>{t.backToSessions}</a>
      </p>
      {loaded.problem && loaded.data === undefined && <h1>{t.sessionFallback}</h1>}
      <LoadedView loaded={loaded}>
        {({ session }) => (
          <>
            <h1>
              {t.sessionHeading(session.titleCode, formatDate(session.sessionDate, language))}
              {current && <span class="muted manager-heading-tab"> — {t.tab(current)}</span>}
            </h1>
            <p>
              <StatusBadge status={session.status} /> <span class="muted">{session.address}</span>
            </p>
            <TabLinks sessionId={sessionId} current={current ?? 'planning'} />
            <div class="manager-tab-panel">
              {current === 'planning' && <PlanningTab session={session} onChanged={loaded.reload} />}
              {current === 'import' && <ImportTab session={session} onChanged={loaded.reload} />}
              {current === 'intake' && <IntakeTab session={session} />}
              {current === 'exam-day' && <ExamDayTab session={session} onChanged={loaded.reload} />}
              {current === 'pv' && <PvTab session={session} onChanged={loaded.reload} />}
              {!current && <p>{ui.notFound}</p>}
            </div>
          </>
        )}
      </LoadedView>
    </>
  );
}
