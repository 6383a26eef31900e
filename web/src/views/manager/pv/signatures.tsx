import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { PvSignatoriesTable } from '../../shared/pv/pv-signatories-table';
import { MANAGER_PV } from '../messages';

/** Part 3's signatories (PV-4): who signed, when, and whether the signature attests the current draft. */
export function Signatures({ status, timeZone }: { status: PvStatus; timeZone: string }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  return (
    <PvSignatoriesTable
      status={status}
      caption={t.signaturesCaption}
      nameHeader={t.signatory}
      signature={(s) =>
        s.signedAt ? (
          <>
            <span class={`badge ${s.current ? 'badge-ok' : 'badge-warn'}`}>{s.current ? t.signedCurrent : t.signedStale}</span> {formatInstant(s.signedAt, timeZone, language)}
          </>
        ) : (
          <span class="badge badge-error">{t.notSigned}</span>
        )
      }
    />
  );
}
