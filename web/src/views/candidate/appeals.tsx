import { useRef, useState } from 'preact/hooks';
import type { RequestBody } from '../../../../client/certiflow-client';
import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { AppealView } from '../../../../shared/use-cases/records/appeals';
import { newKey, useAction, useLoad } from '../../app/api';
import { countdown, formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Facts } from '../../ui/facts';
import { LoadedView } from '../../ui/loaded';
import { Busy, Done, ProblemNotice } from '../../ui/problem';
import { ViolationList } from '../../ui/violations';
import { APPEAL_GROUND_CHOICES, CANDIDATE } from './messages';
import { useNow } from '../../app/server-clock';

type AppealBody = RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/appeals', 'post'>;

function AppealList({ appeals }: { appeals: AppealView[] }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  if (appeals.length === 0) return <p>{t.noAppeal}</p>;
  return (
    <DataTable
      caption={t.appealsList}
      columns={[
        { header: t.appealFiled, rowHeader: true, cell: (appeal) => formatInstant(appeal.filedAt, appeal.timeZone, language) },
        { header: t.appealGround, cell: (appeal) => t.groundLabel(appeal.ground) },
        { header: t.appealStatement, cell: (appeal) => appeal.statement },
        {
          header: t.appealStatus,
          cell: (appeal) => (
            <>
              <span class={`badge ${appeal.status === 'inadmissible' || appeal.status === 'rejected' ? 'badge-error' : appeal.status === 'upheld' ? 'badge-ok' : 'badge-warn'}`}>{t.appealStatusLabel(appeal.status)}</span>
              {appeal.why && <ViolationList items={appeal.why} label={t.reasons} />}
            </>
          ),
        },
      ]}
      rows={appeals}
      rowKey={(appeal) => appeal.id}
    />
  );
}

function AppealForm({ registration, onFiled }: { registration: MyRegistration; onFiled(): void }) {
  const t = useMessages(CANDIDATE);
  const [body, setBody] = useState<AppealBody>({ ground: '', statement: '' });
  const key = useRef(newKey());
  const file = useAction((client, value: AppealBody, idempotencyKey: string) => client.fileAppeal(registration.sessionId, registration.id, value, { idempotencyKey }), () => {
    key.current = newKey();
    setBody({ ground: '', statement: '' });
    onFiled();
  });
  const change = (next: Partial<AppealBody>) => {
    setBody({ ...body, ...next });
    key.current = newKey();
    if (file.done) file.clear();
  };
  const filed = file.done?.appeal;
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void file.run(body, key.current);
      }}
    >
      <fieldset>
        <legend>{t.fileAppeal}</legend>
        <div class="stack">
          <label>
            {t.appealGround}
            <select required value={body.ground} onChange={(e) => change({ ground: (e.target as HTMLSelectElement).value })}>
              <option value="">{t.chooseGround}</option>
              {APPEAL_GROUND_CHOICES.map((ground) => (
                <option key={ground} value={ground}>
                  {t.groundLabel(ground)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.appealStatement}
            <textarea required minLength={10} maxLength={5000} rows={5} aria-describedby="statement-hint" value={body.statement} onInput={(e) => change({ statement: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <p id="statement-hint" class="muted">
            {t.statementHint}
          </p>
          <div class="row">
            <button type="submit" disabled={file.running}>
              {t.submitAppeal}
            </button>
          </div>
          {file.running && <Busy />}
          <ProblemNotice problem={file.problem} />
          {filed?.status === 'open' && <Done>{t.appealDone}</Done>}
          {filed?.status === 'inadmissible' && (
            <div class="notice notice-warn" role="alert">
              <p>{t.appealInadmissible}</p>
              <ViolationList items={filed.why ?? []} />
            </div>
          )}
        </div>
      </fieldset>
    </form>
  );
}

/** The candidate's appeals (QUAL-1): the window's end with a countdown, what became of each, and a form while the window is open and the session stands. */
export function Appeals({ registration, closeAt, timeZone, annulled }: { registration: MyRegistration; closeAt: string | undefined; timeZone: string; annulled: boolean }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const now = useNow();
  const loaded = useLoad((client) => client.appeals(registration.sessionId, registration.id), [registration.sessionId, registration.id]);
  const left = closeAt ? countdown(closeAt, now, language) : undefined;
  const open = !annulled && (!closeAt || left !== null);
  return (
    <section aria-labelledby="appeals">
      <h2 id="appeals">{t.appealsTitle}</h2>
      <p>{t.appealWhy}</p>
      {closeAt && !annulled && (
        <Facts facts={[[t.appealWindow, formatInstant(closeAt, timeZone, language)], left && [t.timeLeft, left, { class: 'clock' }]]} />
      )}
      {!open && !annulled && <p class="notice notice-warn">{t.appealWindowClosed}</p>}
      <LoadedView loaded={loaded}>{({ appeals }) => <AppealList appeals={appeals} />}</LoadedView>
      {open && <AppealForm registration={registration} onFiled={loaded.reload} />}
    </section>
  );
}
