import { useState } from 'preact/hooks';
import type { FullRegistrationView } from '../../../../../shared/use-cases/candidates/registration-views';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionForm } from '../action-form';
import { fieldErrors, TextArea, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';

/** Grants a candidate extra time for a disability, with its justification (EXAM-2). */
export function AccommodationForm({ sessionId, registration, onDone }: { sessionId: string; registration: FullRegistrationView; onDone(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const [minutes, setMinutes] = useState(String(registration.accommodation?.extraMinutes ?? ''));
  const [justification, setJustification] = useState(registration.accommodation?.justification ?? '');
  const grant = useAction((client) => client.setAccommodation(sessionId, registration.id, { extraMinutes: Number(minutes), justification }), onDone);
  const errors = fieldErrors(grant.problem);
  const id = `acc-${registration.id}`;
  return (
    <details class="manager-inline-form">
      <summary>{t.accommodationSummary(`${registration.candidate.firstName} ${registration.candidate.lastName}`)}</summary>
      <ActionForm action={grant} done={grant.done && t.accommodationSaved} submit={t.saveAccommodation}>
        <TextField id={`${id}-minutes`} type="number" min="1" max="120" label={t.extraMinutes} value={minutes} onValue={setMinutes} error={errors.extraMinutes} required />
        <TextArea id={`${id}-why`} label={t.justification} hint={t.justificationHint} value={justification} onValue={setJustification} error={errors.justification} required />
      </ActionForm>
    </details>
  );
}
