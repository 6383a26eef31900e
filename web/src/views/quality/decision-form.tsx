import { useRef, useState } from 'preact/hooks';
import type { RequestBody } from '../../../../client/certiflow-client';
import type { CaseView, DecisionView } from '../../../../shared/use-cases/records/committee';
import { newKey, useAction } from '../../app/api';
import { useMessages } from '../../i18n/i18n';
import { Busy, ProblemNotice } from '../../ui/problem';
import { CaseTable } from './case-table';
import { OUTCOMES, QUALITY } from './messages';
import type { SessionContext } from './session-context';

type DecisionBody = RequestBody<'/sessions/{sessionId}/committee-decisions', 'post'>;

/**
 * A session's open cases and the committee's decision on those it includes (QUAL-2): rejected,
 * or the session annulled, always with reasons; the API's refusal is shown as it says it.
 */
export function DecisionForm({ context, cases, caption, onDecided }: { context: SessionContext; cases: CaseView[]; caption: string; onDecided(decision: DecisionView): void }) {
  const t = useMessages(QUALITY);
  const sessionId = context.session.id;
  const [selected, setSelected] = useState<string[]>(cases.length === 1 ? [cases[0]!.caseId] : []);
  const [outcome, setOutcome] = useState<DecisionBody['outcome']>('rejected');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const key = useRef(newKey());
  const decide = useAction(
    (client, body: DecisionBody, idempotencyKey: string) => client.decideCases(sessionId, body, { idempotencyKey }),
    (data) => {
      key.current = newKey();
      onDecided(data.decision);
    },
  );
  const changed = () => {
    key.current = newKey();
    setMissing(false);
  };
  const id = `decision-${sessionId}`;
  return (
    <form
      class="quality-decision"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length === 0) return setMissing(true);
        void decide.run({ caseIds: selected, outcome, reason }, key.current);
      }}
    >
      <CaseTable
        context={context}
        cases={cases}
        caption={caption}
        selected={selected}
        onToggle={(caseId) => {
          setSelected(selected.includes(caseId) ? selected.filter((c) => c !== caseId) : [...selected, caseId]);
          changed();
        }}
      />
      <fieldset>
        <legend>{t.decisionLegend}</legend>
        <div class="stack">
          <fieldset>
            <legend>{t.outcome}</legend>
            {OUTCOMES.map((value) => (
              <label key={value} class="inline">
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  value={value}
                  checked={outcome === value}
                  onChange={() => {
                    setOutcome(value);
                    changed();
                  }}
                />
                {t.outcomeLabel(value)}
              </label>
            ))}
            {outcome === 'annulled' && <p class="notice notice-warn">{t.annulWarning}</p>}
          </fieldset>
          <label for={`${id}-reason`}>{t.reason}</label>
          <textarea
            id={`${id}-reason`}
            required
            minLength={10}
            maxLength={5000}
            rows={4}
            aria-describedby={`${id}-reason-hint`}
            value={reason}
            onInput={(event) => {
              setReason((event.target as HTMLTextAreaElement).value);
              changed();
            }}
          />
          <p id={`${id}-reason-hint`} class="muted">
            {t.reasonHint}
          </p>
          <div class="row">
            <button type="submit" disabled={decide.running}>
              {t.decide}
            </button>
          </div>
          {decide.running && <Busy />}
          {missing && (
            <p class="notice notice-error" role="alert">
              {t.chooseCase}
            </p>
          )}
          <ProblemNotice problem={decide.problem} />
        </div>
      </fieldset>
    </form>
  );
}
