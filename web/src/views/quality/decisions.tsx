import type { DecisionView } from '../../../../shared/use-cases/records/committee';
import { useLoad } from '../../app/api';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { QUALITY } from './messages';

function DecisionTable({ decisions }: { decisions: DecisionView[] }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  if (decisions.length === 0) return <p>{t.noDecision}</p>;
  return (
    <table aria-label={t.decisionsTitle}>
      <thead>
        <tr>
          <th scope="col">{t.decidedAt}</th>
          <th scope="col">{t.outcome}</th>
          <th scope="col">{t.cases}</th>
          <th scope="col">{t.reason}</th>
          <th scope="col">{t.decisionDocument}</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((decision) => (
          <tr key={decision.id} data-decision={decision.id}>
            <th scope="row">{formatInstant(decision.decidedAt, decision.timeZone, language)}</th>
            <td>
              <span class={`badge ${decision.outcome === 'annulled' ? 'badge-error' : 'badge-ok'}`}>{t.outcomeLabel(decision.outcome)}</span>
            </td>
            <td>{t.caseCount(decision.caseIds.length)}</td>
            <td>{decision.reason}</td>
            <td>{decision.document ? <code class="quality-hash">{decision.document.sha256}</code> : <span class="muted">{t.pending}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
