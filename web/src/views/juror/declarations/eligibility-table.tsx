import type { CertiflowClient } from '../../../../../client/certiflow-client';
import { useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { JUROR } from '../messages';

/** What the API answers to a juror's declarations: the eligibility, the blockers, the late conflicts. */
export type DeclarationsResult = NonNullable<Awaited<ReturnType<CertiflowClient['declareLinks']>>['data']>;

type Row = DeclarationsResult['eligibility'][number];

/** JURY-4: per candidate, the jurors who may evaluate them and those who declared a link, and whether the candidate keeps 2. */
export function EligibilityTable({ rows, nameOf }: { rows: DeclarationsResult['eligibility']; nameOf(jurorId: string): string }) {
  const t = useMessages(JUROR);
  const names = (ids: readonly string[]) => (ids.length === 0 ? t.nobody : ids.map(nameOf).join(', '));
  const enough = (row: Row) => row.eligibleJurorIds.length >= 2;
  return (
    <DataTable
      caption={t.eligibilityCaption}
      columns={[
        { header: t.colCandidate, rowHeader: true, cell: (row) => row.candidateName },
        { header: t.colEligible, cell: (row) => names(row.eligibleJurorIds) },
        { header: t.colConflicted, cell: (row) => names(row.conflictedJurorIds) },
        { header: t.colState, cell: (row) => <span class={`badge ${enough(row) ? 'badge-ok' : 'badge-error'}`}>{enough(row) ? t.enoughJurors : t.notEnoughJurors}</span> },
      ]}
      rows={rows}
      rowKey={(row) => row.registrationId}
      rowAttributes={(row) => ({ class: enough(row) ? undefined : 'row-error' })}
    />
  );
}
