import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { newKey, useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { fieldErrors, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';

/** The session's jurors: assign one from the registry by id (JURY-2, JURY-3), withdraw one (JURY-1, JURY-4). */
export function JurorsSection({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const [jurorId, setJurorId] = useState('');
  const [key, setKey] = useState(newKey);
  const assign = useAction((client) => client.assignJuror(session.id, jurorId.trim(), { idempotencyKey: key }), () => {
    setJurorId('');
    setKey(newKey());
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
      <ProblemNotice problem={withdraw.problem} />
      {withdraw.running && <Busy />}
      {withdraw.done && <Done>{t.withdrawn}</Done>}
      {open && (
        <form
          class="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void assign.run();
          }}
        >
          <h3>{t.assignHeading}</h3>
          <TextField
            id="assign-juror"
            label={t.jurorId}
            hint={t.jurorIdHint}
            value={jurorId}
            onValue={(v) => {
              setJurorId(v);
              setKey(newKey());
            }}
            error={errors.jurorId}
            required
          />
          <ProblemNotice problem={assign.problem} />
          {assign.running && <Busy />}
          {assign.done && <Done>{t.assigned}</Done>}
          <p>
            <button type="submit" disabled={assign.running}>
              {t.assignButton}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
