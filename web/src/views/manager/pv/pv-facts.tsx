import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatDate } from '../../../i18n/format';
import { Facts } from '../../../ui/facts';
import { Certification } from '../../shared/pv/certification';
import { PvResultsTable } from '../../shared/pv/pv-results-table';
import { MANAGER_PV } from '../messages';

/** Part 1 and part 2 of the PV as it stands (PV-2, PV-3): the session, the counts, each candidate's result. */
export function PvFacts({ pv }: { pv: PvView }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  const { part1 } = pv;
  return (
    <>
      <Facts
        facts={[
          [t.certification, <Certification part1={part1} />],
          [t.sessionDate, formatDate(part1.sessionDate, language)],
          [
            t.centre,
            <>
              {part1.centreName}, {part1.centreAddress}
            </>,
          ],
          part1.counts && [t.counts, t.countsValue(part1.counts)],
        ]}
      />
      <PvResultsTable pv={pv} caption={t.resultsCaption} result={(row) => t.resultWord(row.result ?? 'pending')} noBlock="—" />
    </>
  );
}
