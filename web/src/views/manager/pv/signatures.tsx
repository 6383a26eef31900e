import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { MANAGER_PV } from '../messages';

/** Part 3's signatories (PV-4): who signed, when, and whether the signature attests the current draft. */
export function Signatures({ status, timeZone }: { status: PvStatus; timeZone: string }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  return (
    <table>
      <caption>{t.signaturesCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.signatory}</th>
          <th scope="col">{t.role}</th>
          <th scope="col">{t.signature}</th>
        </tr>
      </thead>
      <tbody>
        {status.signatures.map((s) => (
          <tr key={s.signerId}>
            <th scope="row">{s.name}</th>
            <td>{t.roleWord(s.role)}</td>
            <td>
              {s.signedAt ? (
                <>
                  <span class={`badge ${s.current ? 'badge-ok' : 'badge-warn'}`}>{s.current ? t.signedCurrent : t.signedStale}</span> {formatInstant(s.signedAt, timeZone, language)}
                </>
              ) : (
                <span class="badge badge-error">{t.notSigned}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
