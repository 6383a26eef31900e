import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';
import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { formatDate, formatInstant } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { Facts } from '../../../ui/facts';
import { Certification } from '../../shared/pv/certification';
import { PvResultsTable } from '../../shared/pv/pv-results-table';
import { PvSignatoriesTable } from '../../shared/pv/pv-signatories-table';
import { JUROR } from '../messages';

/** PV-2: part 1, the session's information and, at the end, its counts. */
export function PvPart1({ pv }: { pv: PvView }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const { part1 } = pv;
  const c = part1.counts;
  return (
    <>
      <h3>{t.part1}</h3>
      <Facts
        facts={[
          [t.sessionDate, formatDate(part1.sessionDate, language)],
          [t.certification, <Certification part1={part1} />],
          [t.centre, part1.centreName],
          [t.address, part1.centreAddress],
          [t.counts, c ? t.countsText(c) : t.countsLater],
        ]}
      />
    </>
  );
}

/** PV-3: part 2, each registered candidate's result, with reasons and recommendations. */
export function PvPart2({ pv }: { pv: PvView }) {
  const t = useMessages(JUROR);
  return (
    <>
      <h3>{t.part2}</h3>
      <PvResultsTable
        pv={pv}
        caption={t.part2Caption}
        result={(row) => (row.result ? t.result(row.result) : t.toDeliberate)}
        noBlock={t.none}
        more={[
          { header: t.colReasons, cell: (row) => row.reasons ?? '' },
          { header: t.colRecommendations, cell: (row) => row.recommendations ?? '' },
        ]}
      />
    </>
  );
}

/** PV-4: part 3, who signs, who has signed the current draft, and the centre's stamp; PV-7 once sealed. */
export function PvPart3({ status, timeZone }: { status: PvStatus; timeZone: string }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const when = (iso: string) => formatInstant(iso, timeZone, language);
  return (
    <>
      <h3>{t.part3}</h3>
      <PvSignatoriesTable
        status={status}
        caption={t.part3Caption}
        nameHeader={t.colName}
        signature={(s) =>
          !s.signedAt ? (
            <span class="badge badge-neutral">{t.pvNotSigned}</span>
          ) : s.current ? (
            <span class="badge badge-ok">{t.pvSigned(when(s.signedAt))}</span>
          ) : (
            <span class="badge badge-warn">{t.pvSignedOld(when(s.signedAt))}</span>
          )
        }
      />
      <Facts facts={[[t.stamp, status.stamp ? t.stamped(when(status.stamp.appliedAt)) : t.notStamped]]} />
      {status.sealed && <p class="notice notice-ok">{t.sealed(when(status.sealed.at))}</p>}
    </>
  );
}
