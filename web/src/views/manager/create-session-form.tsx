import { useAction } from '../../app/api';
import { href } from '../../app/router';
import { useMessages } from '../../i18n/i18n';
import { ActionForm } from './action-form';
import { CohortFields, cohortOf } from './cohort-fields';
import { CheckField, fieldErrors, SelectField, TextArea, TextField } from './fields';
import { MANAGER } from './messages';
import { useDraft } from './use-draft';

/** The time zones a centre may be in: metropolitan France and the overseas departments and territories. */
export const TIME_ZONES = ['Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti'] as const;

const EMPTY = { titleCode: 'RNCP34757', sessionDate: '', timeZone: 'Europe/Paris', startTime: '09:00', address: '', remote: false, cohortName: '', cohortStart: '', prairieEnd: '' };

/** Creates a session in planning for the manager's centre; each field shows the API's refusal of it. */
export function CreateSessionForm({ onCreated }: { onCreated(): void }) {
  const t = useMessages(MANAGER);
  const { form, key, edit } = useDraft(EMPTY);
  const create = useAction(
    (client) =>
      client.createSession(
        {
          titleCode: form.titleCode.trim(),
          sessionDate: form.sessionDate,
          timeZone: form.timeZone,
          startTime: form.startTime,
          address: form.address,
          remote: form.remote,
          ...cohortOf(form),
        },
        { idempotencyKey: key },
      ),
    () => {
      edit(EMPTY);
      onCreated();
    },
  );
  const errors = fieldErrors(create.problem);
  return (
    <ActionForm
      action={create}
      busy={t.creating}
      done={
        create.done && (
          <>
            {t.created} <a href={href('manager', 'sessions', create.done.session.id)}>{t.openSession}</a>
          </>
        )
      }
      submit={t.createButton}
    >
      <TextField id="new-title" label={t.titleCode} hint={t.titleCodeHint} value={form.titleCode} onValue={(v) => edit({ titleCode: v })} error={errors.titleCode} required />
      <div class="row manager-fields-row">
        <TextField id="new-date" type="date" label={t.sessionDate} value={form.sessionDate} onValue={(v) => edit({ sessionDate: v })} error={errors.sessionDate} required />
        <TextField id="new-start" type="time" label={t.startTime} value={form.startTime} onValue={(v) => edit({ startTime: v })} error={errors.startTime} required />
      </div>
      <SelectField id="new-zone" label={t.timeZone} hint={t.timeZoneHint} value={form.timeZone} onValue={(v) => edit({ timeZone: v })} error={errors.timeZone} options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
      <TextArea id="new-address" label={t.address} hint={t.addressHint} value={form.address} onValue={(v) => edit({ address: v })} error={errors.address} required rows={2} />
      <CheckField id="new-remote" label={t.remoteLabel} checked={form.remote} onChecked={(v) => edit({ remote: v })} error={errors.remote} />
      <fieldset>
        <legend>{t.cohortLegend}</legend>
        <p class="muted">{t.cohortHint}</p>
        <CohortFields idPrefix="new" draft={form} errors={errors} onEdit={edit} />
      </fieldset>
    </ActionForm>
  );
}
