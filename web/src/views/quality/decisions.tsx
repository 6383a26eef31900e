import type { DecisionView } from '../../../../shared/use-cases/records/committee';
import { useLoad } from '../../app/api';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { LoadedView } from '../../ui/loaded';
import { QUALITY } from './messages';

function DecisionTable({ decisions }: { decisions: DecisionView[] }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  if (decisions.length === 0) return <p>{t.noDecision}</p>;
  return (
    <DataTable
      label={t.decisionsTitle}
      columns={[
        { header: t.decidedAt, rowHeader: true, cell: (decision) => formatInstant(decision.decidedAt, decision.timeZone, language) },
        { header: t.outcome, cell: (decision) => <span class={`badge ${decision.outcome === 'annulled' ? 'badge-error' : 'badge-ok'}`}>{t.outcomeLabel(decision.outcome)}</span> },
        { header: t.cases, cell: (decision) => t.caseCount(decision.caseIds.length) },
        { header: t.reason, cell: (decision) => decision.reason },
        { header: t.decisionDocument, cell: (decision) => (decision.document ? <code class="quality-hash">{decision.document.sha256}</code> : <span class="muted">{t.pending}</span>) },
      ]}
      rows={decisions}
      rowKey={(decision) => decision.id}
      rowAttributes={(decision) => ({ 'data-decision': decision.id })}
    />
  );
}

/** The committee's decisions on a session (QUAL-2): when, what, on how many cases, why, and the dated document's fingerprint. */
export function Decisions({ sessionId }: { sessionId: string }) {
  const t = useMessages(QUALITY);
  const loaded = useLoad((client) => client.decisions(sessionId), [sessionId]);
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">{t.decisionsTitle}</h2>
      <LoadedView loaded={loaded}>{({ decisions }) => <DecisionTable decisions={decisions} />}</LoadedView>
    </section>
  );
}
