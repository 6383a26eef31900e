import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionForm, ActionStatus } from '../action-form';
import { fieldErrors, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';
import { useDraft } from '../use-draft';

/** The session's jurors: assign one from the registry by id (JURY-2, JURY-3), withdraw one (JURY-1, JURY-4). */
export function JurorsSection({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const { form, key, edit } = useDraft({ jurorId: '' });
  const assign = useAction((client) => client.assignJuror(session.id, form.jurorId.trim(), { idempotencyKey: key }), () => {
    edit({ jurorId: '' });
    onChanged();
  });
  const withdraw = useAction((client, id: string) => client.withdrawJuror(session.id, id), onChanged);
  const open = session.status === 'planning' || session.status === 'jury-review';
  const errors = fieldErrors(assign.problem);
  return (
    <section aria-labelledby="jurors-heading">
      <h2 id="jurors-heading">{t.jurorsHeading}</h2>
      {session.jurors.length === 0 ? (
        <p>{t.noJurors}</p>
      ) : (
        <ul class="manager-plain-list">
          {session.jurors.map((j) => (
            <li key={j.jurorId} class="row">
              <span>
                {j.firstName} {j.lastName} <span class="muted">({j.jurorId})</span>
              </span>
              {open && (
                <button type="button" class="secondary" disabled={withdraw.running} onClick={() => void withdraw.run(j.jurorId)}>
                  {t.withdraw(`${j.firstName} ${j.lastName}`)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionStatus action={withdraw} done={withdraw.done && t.withdrawn} />
      {open && (
        <ActionForm action={assign} done={assign.done && t.assigned} submit={t.assignButton}>
          <h3>{t.assignHeading}</h3>
          <TextField id="assign-juror" label={t.jurorId} hint={t.jurorIdHint} value={form.jurorId} onValue={(v) => edit({ jurorId: v })} error={errors.jurorId} required />
        </ActionForm>
      )}
    </section>
  );
}
