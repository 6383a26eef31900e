import { useState } from 'preact/hooks';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionForm } from '../action-form';
import { fieldErrors, SelectField, TextArea } from '../fields';
import { MANAGER_INTAKE } from '../messages';

/** The session manager's decision on a late deliverable, with its reason (DELIV-5). */
export function LateDecisionForm({ sessionId, versionId, label, onDone }: { sessionId: string; versionId: string; label: string; onDone(): void }) {
  const t = useMessages(MANAGER_INTAKE);
  const [decision, setDecision] = useState<'admitted' | 'not-admitted'>('admitted');
  const [reason, setReason] = useState('');
  const decide = useAction((client) => client.decideLateDeliverable(sessionId, versionId, { decision, reason }), onDone);
  const errors = fieldErrors(decide.problem);
  const id = `late-${versionId}`;
  return (
    <details class="manager-inline-form">
      <summary>{t.decideSummary(label)}</summary>
      <ActionForm action={decide} done={decide.done && t.decisionSaved} submit={t.decideButton}>
        <SelectField
          id={`${id}-decision`}
          label={t.decisionLabel}
          value={decision}
          onValue={(v) => setDecision(v as 'admitted' | 'not-admitted')}
          error={errors.decision}
          options={[
            { value: 'admitted', label: t.decision('admitted') },
            { value: 'not-admitted', label: t.decision('not-admitted') },
          ]}
        />
        <TextArea id={`${id}-reason`} label={t.reasonLabel} value={reason} onValue={setReason} error={errors.reason} required />
      </ActionForm>
    </details>
  );
}
