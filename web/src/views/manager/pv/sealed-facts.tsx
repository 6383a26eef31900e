import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { Facts } from '../../../ui/facts';
import { MANAGER_PV } from '../messages';

/** The sealed PV's facts (PV-6, PV-7): when, the record's SHA-256 and its lock, each grid's SHA-256. */
export function SealedFacts({ sealed, timeZone }: { sealed: NonNullable<PvStatus['sealed']>; timeZone: string }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  return (
    <section aria-labelledby="sealed-heading">
      <h2 id="sealed-heading">{t.sealedHeading}</h2>
      <p class="notice notice-ok" role="status">
        {t.sealedAt(formatInstant(sealed.at, timeZone, language))}
      </p>
      <Facts
        facts={[
          [t.pvSha, <code class="manager-hash">{sealed.pv.sha256}</code>],
          [t.lock, sealed.pv.lock ? t.lockValue(sealed.pv.lock.mode, formatInstant(sealed.pv.lock.retainUntil, timeZone, language)) : t.noLock],
          [t.gridsSealed, t.gridsCount(sealed.grids.length)],
        ]}
      />
    </section>
  );
}
