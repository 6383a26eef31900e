import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate } from '../../../i18n/format';
import { MANAGER_PV } from '../messages';

/** Part 1 and part 2 of the PV as it stands (PV-2, PV-3): the session, the counts, each candidate's result. */
export function PvFacts({ pv }: { pv: PvView }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  const { part1 } = pv;
  return (
    <>
      <dl class="facts">
        <dt>{t.certification}</dt>
        <dd>
          {part1.certificationName} ({part1.rncpCode})
        </dd>
        <dt>{t.sessionDate}</dt>
        <dd>{formatDate(part1.sessionDate, language)}</dd>
        <dt>{t.centre}</dt>
        <dd>
          {part1.centreName}, {part1.centreAddress}
        </dd>
        {part1.counts && (
          <>
            <dt>{t.counts}</dt>
            <dd>{t.countsValue(part1.counts.registered, part1.counts.absent, part1.counts.admitted, part1.counts.partiallyAdmitted, part1.counts.notAdmitted)}</dd>
          </>
        )}
      </dl>
      <table>
        <caption>{t.resultsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.candidate}</th>
            <th scope="col">{t.result}</th>
            <th scope="col">{t.blocks}</th>
          </tr>
        </thead>
        <tbody>
          {pv.part2.map((row) => (
            <tr key={row.registrationId}>
              <th scope="row">
                {row.firstName} {row.lastName}
              </th>
              <td>{t.resultWord(row.result ?? 'pending')}</td>
              <td>{row.blocksValidated.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
