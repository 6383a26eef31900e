import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { newKey, useAction, useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate } from '../../../i18n/format';
import { LoadedView } from '../../../ui/loaded';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { fieldErrors, SelectField, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';
import { RuleItem } from '../rules';

const RULES = ['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7'] as const;
type DistRule = (typeof RULES)[number];
const TONE = { done: 'ok', 'done-late': 'warn', overdue: 'error', 'due-soon': 'warn', pending: 'neutral' } as const;

/** Each distribution of the guide and the grids (DIST-1..7): its deadline, where it stands, and recording one. */
export function DistributionsSection({ session }: { session: SessionView }) {
  const t = useMessages(MANAGER_PLANNING);
  const { language } = useLanguage();
  const status = useLoad((client) => client.distributionStatus(session.id), [session.id]);
  const [form, setForm] = useState({ ruleId: 'DIST-1' as DistRule, distributedOn: '', recipients: '' });
  const [key, setKey] = useState(newKey);
  const edit = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setKey(newKey());
  };
  const record = useAction((client) => client.recordDistribution(session.id, form, { idempotencyKey: key }), () => {
    setKey(newKey());
    status.reload();
  });
  const errors = fieldErrors(record.problem);
  return (
    <section aria-labelledby="dist-heading">
      <h2 id="dist-heading">{t.distributionsHeading}</h2>
      <LoadedView loaded={status}>
        {({ distributions }) => (
          <table>
            <caption>{t.distributionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rule}</th>
                <th scope="col">{t.document}</th>
                <th scope="col">{t.deadline}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.distributedOn}</th>
              </tr>
            </thead>
            <tbody>
              {distributions.map((d) => (
                <tr key={d.ruleId}>
                  <th scope="row" class="manager-nowrap">
                    {d.ruleId}
                  </th>
                  <td>{t.distributionWhat(d.ruleId)}</td>
                  <td>{formatDate(d.deadline, language)}</td>
                  <td>
                    <span class={`badge badge-${TONE[d.state]}`}>{t.distributionState(d.state)}</span>
                    {d.alert && (
                      <p class="manager-small">
                        <RuleItem rule={d.alert} />
                      </p>
                    )}
                  </td>
                  <td>{d.distributedOn ? formatDate(d.distributedOn, language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedView>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void record.run();
        }}
      >
        <h3>{t.recordDistributionHeading}</h3>
        <SelectField id="dist-rule" label={t.document} value={form.ruleId} onValue={(v) => edit({ ruleId: v as DistRule })} error={errors.ruleId} options={RULES.map((r) => ({ value: r, label: `${r} — ${t.distributionWhat(r)}` }))} />
        <TextField id="dist-on" type="date" label={t.distributedOn} value={form.distributedOn} onValue={(v) => edit({ distributedOn: v })} error={errors.distributedOn} required />
        <TextField id="dist-to" label={t.recipients} hint={t.recipientsHint} value={form.recipients} onValue={(v) => edit({ recipients: v })} error={errors.recipients} required />
        <ProblemNotice problem={record.problem} />
        {record.running && <Busy />}
        {record.done && <Done>{t.distributionRecorded(record.done.distribution.ruleId)}</Done>}
        <p>
          <button type="submit" disabled={record.running}>
            {t.recordDistribution}
          </button>
        </p>
      </form>
    </section>
  );
}
