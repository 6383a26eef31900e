import type { ComponentChildren } from 'preact';
import type { Violation } from '../../../../shared/domain/errors';
import type { SessionView } from '../../../../shared/use-cases/sessions/get-session';
import { useMessages } from '../../i18n/i18n';
import { ViolationList } from '../../ui/violations';
import { JUROR } from './messages';

const TONE: Record<string, string> = {
  'jury-review': 'badge-warn',
  'exam-day': 'badge-warn',
  deliberated: 'badge-ok',
  sealed: 'badge-ok',
  'results-released': 'badge-ok',
  annulled: 'badge-error',
  failed: 'badge-error',
};

/** A session's status in words, on a badge whose colour only repeats them. */
export function StatusBadge({ status }: { status: string }) {
  const t = useMessages(JUROR);
  return <span class={`badge ${TONE[status] ?? 'badge-neutral'}`}>{t.status(status)}</span>;
}

/** Rules broken or elements missing, each with its rule ID (the API's sentence starts with it). */
export function RuleList({ items, label }: { items: readonly Violation[]; label: string }) {
  return <ViolationList items={items} label={label} class="violations rule-list" />;
}

/** A tab's panel of the session page: a section named by its heading, the tab's name. */
export function TabSection({ tab, children }: { tab: string; children: ComponentChildren }) {
  const t = useMessages(JUROR);
  return (
    <section aria-labelledby={`juror-${tab}`}>
      <h2 id={`juror-${tab}`}>{t.tab(tab)}</h2>
      {children}
    </section>
  );
}

/** The session's jurors by registry id, as people read them. */
export function jurorNames(session: Pick<SessionView, 'jurors'>): (jurorId: string) => string {
  const names = new Map(session.jurors.map((j) => [j.jurorId, `${j.firstName} ${j.lastName}`]));
  return (jurorId) => names.get(jurorId) ?? jurorId;
}

/** What every tab of the session page receives: the session as last read, and a way to read it again. */
export interface TabProps {
  session: SessionView;
  onSessionChanged(): void;
}
