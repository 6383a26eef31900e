import type { CaseView } from '../../../../shared/use-cases/records/committee';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { useCasePeople } from './case-people';
import { QUALITY } from './messages';
import type { SessionContext } from './session-context';

/** A session's open cases, each with a box to include it in the decision: what, who, raised by whom, when in the session's zone, under which rule. */
export function CaseTable({ context, cases, caption, selected, onToggle }: { context: SessionContext; cases: CaseView[]; caption: string; selected: readonly string[]; onToggle(caseId: string): void }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const people = useCasePeople();
  const when = (item: CaseView) => formatInstant(item.at, context.session.timeZone, language);
  return (
    <DataTable
      caption={caption}
      columns={[
        {
          header: t.select,
          cell: (item) => (
            <label class="inline">
              <input type="checkbox" checked={selected.includes(item.caseId)} onChange={() => onToggle(item.caseId)} />
              {t.select}
              <span class="quality-visually-hidden">{t.caseContext(t.kindLabel(item.kind), when(item))}</span>
            </label>
          ),
        },
        { header: t.kind, rowHeader: true, cell: (item) => t.kindLabel(item.kind) },
        { header: t.who, cell: (item) => people(item, context).who },
        { header: t.reportedBy, cell: (item) => people(item, context).by },
        { header: t.when, cell: when },
        {
          header: t.rule,
          cell: (item) => (
            <>
              <span class="badge badge-neutral">{item.kind === 'appeal' ? 'QUAL-1' : (item.notice?.ruleId ?? t.unknown)}</span>
              {item.ground && <span class="quality-case-ground">{t.ground(item.ground)}</span>}
            </>
          ),
        },
        {
          header: t.what,
          cell: (item) => (
            <>
              <p class="quality-case-summary">{item.summary}</p>
              {item.notice && (
                <p class="muted" data-rule={item.notice.ruleId}>
                  {item.notice.message}
                </p>
              )}
            </>
          ),
        },
      ]}
      rows={cases}
      rowKey={(item) => item.caseId}
      rowAttributes={(item) => ({ 'data-case': item.caseId })}
    />
  );
}
