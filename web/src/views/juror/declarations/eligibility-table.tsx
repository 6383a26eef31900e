import type { CertiflowClient } from '../../../../../client/certiflow-client';
import { useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';

/** What the API answers to a juror's declarations: the eligibility, the blockers, the late conflicts. */
export type DeclarationsResult = NonNullable<Awaited<ReturnType<CertiflowClient['declareLinks']>>['data']>;

/** JURY-4: per candidate, the jurors who may evaluate them and those who declared a link, and whether the candidate keeps 2. */
export function EligibilityTable({ rows, nameOf }: { rows: DeclarationsResult['eligibility']; nameOf(jurorId: string): string }) {
  const t = useMessages(JUROR);
  const names = (ids: readonly string[]) => (ids.length === 0 ? t.nobody : ids.map(nameOf).join(', '));
  return (
    <table>
      <caption>{t.eligibilityCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colCandidate}</th>
          <th scope="col">{t.colEligible}</th>
          <th scope="col">{t.colConflicted}</th>
          <th scope="col">{t.colState}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const enough = row.eligibleJurorIds.length >= 2;
          return (
            <tr key={row.registrationId} class={enough ? undefined : 'row-error'}>
              <th scope="row">{row.candidateName}</th>
              <td>{names(row.eligibleJurorIds)}</td>
              <td>{names(row.conflictedJurorIds)}</td>
              <td>
                <span class={`badge ${enough ? 'badge-ok' : 'badge-error'}`}>{enough ? t.enoughJurors : t.notEnoughJurors}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
