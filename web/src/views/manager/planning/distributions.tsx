import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction, useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate } from '../../../i18n/format';
import { DataTable } from '../../../ui/data-table';
import { LoadedView } from '../../../ui/loaded';
import { ActionForm } from '../action-form';
import { fieldErrors, SelectField, TextField } from '../fields';
import { MANAGER_PLANNING } from '../messages';
import { RuleItem } from '../rules';
import { CohortMissing } from './cohort-missing';
import { useDraft } from '../use-draft';

const RULES = ['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7'] as const;
type DistRule = (typeof RULES)[number];
const TONE = { done: 'ok', 'done-late': 'warn', overdue: 'error', 'due-soon': 'warn', pending: 'neutral' } as const;

/**
 * Each distribution of the guide and the grids (DIST-1..7): its deadline, where it stands, and
 * recording one. A session without a cohort has no deadlines yet: it says so and, while planning
 * is open, takes the cohort.
 */
export function DistributionsSection({ session, editable, onChanged }: { session: SessionView; editable: boolean; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const { language } = useLanguage();
  const status = useLoad((client) => client.distributionStatus(session.id), [session.id]);
  const { form, key, edit } = useDraft({ ruleId: 'DIST-1' as DistRule, distributedOn: '', recipients: '' });
  const record = useAction((client) => client.recordDistribution(session.id, form, { idempotencyKey: key }), () => {
    edit({});
    status.reload();
  });
  const errors = fieldErrors(record.problem);
  return (
    <section aria-labelledby="dist-heading">
      <h2 id="dist-heading">{t.distributionsHeading}</h2>
      {status.problem?.error.code === 'CohortCalendarMissing' ? (
        <CohortMissing
          session={session}
          editable={editable}
          onSet={() => {
            onChanged();
            status.reload();
          }}
        />
      ) : (
        <LoadedView loaded={status}>
          {({ distributions }) => (
            <DataTable
              caption={t.distributionsCaption}
              columns={[
                { header: t.rule, rowHeader: true, class: 'manager-nowrap', cell: (d) => d.ruleId },
                { header: t.document, cell: (d) => t.distributionWhat(d.ruleId) },
                { header: t.deadline, cell: (d) => formatDate(d.deadline, language) },
                {
                  header: t.state,
                  cell: (d) => (
                    <>
                      <span class={`badge badge-${TONE[d.state]}`}>{t.distributionState(d.state)}</span>
                      {d.alert && (
                        <p class="manager-small">
                          <RuleItem rule={d.alert} />
                        </p>
                      )}
                    </>
                  ),
                },
                { header: t.distributedOn, cell: (d) => (d.distributedOn ? formatDate(d.distributedOn, language) : '—') },
              ]}
              rows={distributions}
              rowKey={(d) => d.ruleId}
            />
          )}
        </LoadedView>
      )}
      <ActionForm action={record} done={record.done && t.distributionRecorded(record.done.distribution.ruleId)} submit={t.recordDistribution}>
        <h3>{t.recordDistributionHeading}</h3>
        <SelectField id="dist-rule" label={t.document} value={form.ruleId} onValue={(v) => edit({ ruleId: v as DistRule })} error={errors.ruleId} options={RULES.map((r) => ({ value: r, label: `${r} — ${t.distributionWhat(r)}` }))} />
        <TextField id="dist-on" type="date" label={t.distributedOn} value={form.distributedOn} onValue={(v) => edit({ distributedOn: v })} error={errors.distributedOn} required />
        <TextField id="dist-to" label={t.recipients} hint={t.recipientsHint} value={form.recipients} onValue={(v) => edit({ recipients: v })} error={errors.recipients} required />
      </ActionForm>
    </section>
  );
}
