import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';
import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { formatDate, formatInstant } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
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
      <dl class="facts">
        <dt>{t.sessionDate}</dt>
        <dd>{formatDate(part1.sessionDate, language)}</dd>
        <dt>{t.certification}</dt>
        <dd>
          {part1.certificationName} ({part1.rncpCode})
        </dd>
        <dt>{t.centre}</dt>
        <dd>{part1.centreName}</dd>
        <dt>{t.address}</dt>
        <dd>{part1.centreAddress}</dd>
        <dt>{t.counts}</dt>
        <dd>{c ? t.countsText(c.registered, c.absent, c.admitted, c.partiallyAdmitted, c.notAdmitted) : t.countsLater}</dd>
      </dl>
    </>
  );
}

/** PV-3: part 2, each registered candidate's result, with reasons and recommendations. */
export function PvPart2({ pv }: { pv: PvView }) {
  const t = useMessages(JUROR);
  return (
    <>
      <h3>{t.part2}</h3>
      <table>
        <caption>{t.part2Caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colCandidate}</th>
            <th scope="col">{t.colResult}</th>
            <th scope="col">{t.colBlocks}</th>
            <th scope="col">{t.colReasons}</th>
            <th scope="col">{t.colRecommendations}</th>
          </tr>
        </thead>
        <tbody>
          {pv.part2.map((row) => (
            <tr key={row.registrationId}>
              <th scope="row">
                {row.firstName} {row.lastName}
              </th>
              <td>{row.result ? t.result(row.result) : t.toDeliberate}</td>
              <td>{row.blocksValidated.length > 0 ? row.blocksValidated.join(', ') : t.none}</td>
              <td>{row.reasons ?? ''}</td>
              <td>{row.recommendations ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <table>
        <caption>{t.part3Caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colRole}</th>
            <th scope="col">{t.colSignature}</th>
          </tr>
        </thead>
        <tbody>
          {status.signatures.map((s) => (
            <tr key={s.signerId}>
              <th scope="row">{s.name}</th>
              <td>{t.role(s.role)}</td>
              <td>
                {!s.signedAt ? (
                  <span class="badge badge-neutral">{t.pvNotSigned}</span>
                ) : s.current ? (
                  <span class="badge badge-ok">{t.pvSigned(when(s.signedAt))}</span>
                ) : (
                  <span class="badge badge-warn">{t.pvSignedOld(when(s.signedAt))}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="facts">
        <dt>{t.stamp}</dt>
        <dd>{status.stamp ? t.stamped(when(status.stamp.appliedAt)) : t.notStamped}</dd>
      </dl>
      {status.sealed && <p class="notice notice-ok">{t.sealed(when(status.sealed.at))}</p>}
    </>
  );
}
