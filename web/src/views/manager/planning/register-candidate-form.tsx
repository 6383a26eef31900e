import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionForm } from '../action-form';
import { CheckField, fieldErrors, SelectField, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';
import { useDraft } from '../use-draft';

const BLOCKS = ['A1', 'A2', 'A3', 'A4'] as const;
const EMPTY = { firstName: '', lastName: '', email: '', userId: '', attempt: 'first' as 'first' | 'retake', newTraining: false, previousSessionDate: '', blocks: [] as string[] };

/** Registers a candidate: a first attempt, or a retake with the blocks validated before (RETAKE-2, RETAKE-4). */
export function RegisterCandidateForm({ sessionId, onDone }: { sessionId: string; onDone(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const { form, key, edit } = useDraft(EMPTY);
  const candidate = { userId: form.userId, firstName: form.firstName, lastName: form.lastName, email: form.email };
  const register = useAction(
    (client) =>
      client.registerCandidate(
        sessionId,
        form.attempt === 'first'
          ? { attempt: 'first', candidate }
          : {
              attempt: 'retake',
              candidate,
              newTraining: form.newTraining,
              ...(form.blocks.length > 0 ? { previouslyValidatedBlocks: form.blocks } : {}),
              ...(form.previousSessionDate ? { previousSessionDate: form.previousSessionDate } : {}),
            },
        { idempotencyKey: key },
      ),
    () => {
      edit(EMPTY);
      onDone();
    },
  );
  const errors = fieldErrors(register.problem);
  return (
    <ActionForm action={register} done={register.done && t.registered(`${register.done.registration.candidate.firstName} ${register.done.registration.candidate.lastName}`)} submit={t.registerButton}>
      <div class="row manager-fields-row">
        <TextField id="reg-first" label={t.firstName} value={form.firstName} onValue={(v) => edit({ firstName: v })} error={errors['candidate.firstName']} required />
        <TextField id="reg-last" label={t.lastName} value={form.lastName} onValue={(v) => edit({ lastName: v })} error={errors['candidate.lastName']} required />
      </div>
      <TextField id="reg-email" type="email" label={t.email} value={form.email} onValue={(v) => edit({ email: v })} error={errors['candidate.email']} required />
      <TextField id="reg-user" label={t.userId} hint={t.userIdHint} value={form.userId} onValue={(v) => edit({ userId: v })} error={errors['candidate.userId']} required />
      <SelectField
        id="reg-attempt"
        label={t.attempt}
        value={form.attempt}
        onValue={(v) => edit({ attempt: v as 'first' | 'retake' })}
        error={errors.attempt}
        options={[
          { value: 'first', label: t.firstAttempt },
          { value: 'retake', label: t.retakeOption },
        ]}
      />
      {form.attempt === 'retake' && (
        <fieldset>
          <legend>{t.retakeLegend}</legend>
          <div class="stack">
            <CheckField id="reg-training" label={t.newTraining} checked={form.newTraining} onChecked={(v) => edit({ newTraining: v })} error={errors.newTraining} />
            <TextField id="reg-previous" type="date" label={t.previousSessionDate} hint={t.previousHint} value={form.previousSessionDate} onValue={(v) => edit({ previousSessionDate: v })} error={errors.previousSessionDate} />
            <fieldset>
              <legend>{t.validatedBlocks}</legend>
              <div class="row manager-fields-row">
                {BLOCKS.map((block) => (
                  <CheckField
                    key={block}
                    id={`reg-block-${block}`}
                    label={block}
                    checked={form.blocks.includes(block)}
                    onChecked={(on) => edit({ blocks: on ? [...form.blocks, block].sort() : form.blocks.filter((b) => b !== block) })}
                  />
                ))}
              </div>
            </fieldset>
          </div>
        </fieldset>
      )}
    </ActionForm>
  );
}
