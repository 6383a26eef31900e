import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { Done } from '../../../ui/problem';
import { ActionStatus, SubmitForm } from '../action-form';
import { fieldErrors, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';

type TrainerRow = { firstName: string; lastName: string; email: string };
const BLANK: TrainerRow = { firstName: '', lastName: '', email: '' };

/**
 * The cohort's trainers, who may not sit on its jury (JURY-3). The API replaces the whole list
 * and offers no read of it: the page says so, and shows the list as last saved.
 */
export function TrainersSection({ session, editable }: { session: SessionView; editable: boolean }) {
  const t = useMessages(MANAGER_PLANNING);
  const [rows, setRows] = useState<TrainerRow[]>([{ ...BLANK }]);
  const save = useAction((client) => client.setTrainers(session.id, { trainers: rows.filter((r) => r.firstName || r.lastName || r.email) }));
  const errors = fieldErrors(save.problem);
  const setRow = (index: number, patch: Partial<TrainerRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <section aria-labelledby="trainers-heading">
      <h2 id="trainers-heading">{t.trainersHeading}</h2>
      <p>{t.trainersIntro}</p>
      {save.done && (
        <>
          <Done>{t.trainersSaved(save.done.trainers.length)}</Done>
          <ul>
            {save.done.trainers.map((tr) => (
              <li key={tr.email}>
                {tr.firstName} {tr.lastName} <span class="muted">({tr.email})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {editable ? (
        <SubmitForm onSubmit={() => void save.run()}>
          {rows.map((row, index) => (
            <fieldset key={index}>
              <legend>{t.trainerLegend(index + 1)}</legend>
              <div class="row manager-fields-row">
                <TextField id={`tr-${index}-first`} label={t.firstName} value={row.firstName} onValue={(v) => setRow(index, { firstName: v })} error={errors[`trainers.${index}.firstName`]} />
                <TextField id={`tr-${index}-last`} label={t.lastName} value={row.lastName} onValue={(v) => setRow(index, { lastName: v })} error={errors[`trainers.${index}.lastName`]} />
                <TextField id={`tr-${index}-email`} type="email" label={t.email} value={row.email} onValue={(v) => setRow(index, { email: v })} error={errors[`trainers.${index}.email`]} />
                <button type="button" class="secondary" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                  {t.removeTrainer(index + 1)}
                </button>
              </div>
            </fieldset>
          ))}
          <p class="row">
            <button type="button" class="secondary" onClick={() => setRows((all) => [...all, { ...BLANK }])}>
              {t.addTrainer}
            </button>
            <button type="submit" disabled={save.running}>
              {t.saveTrainers}
            </button>
          </p>
          <ActionStatus action={save} />
        </SubmitForm>
      ) : (
        <p class="muted">{t.planningReadOnly}</p>
      )}
    </section>
  );
}
