import { useLoad } from '../../app/api';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { Busy, ProblemNotice } from '../../ui/problem';
import { QUALITY } from './messages';

/** The PV's seal facts where the API gives them (PV-6, PV-7): when, the PV's fingerprint, its retention lock, the sealed grids. */
export function PvSeal({ sessionId }: { sessionId: string }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const loaded = useLoad((client) => client.pv(sessionId), [sessionId]);
  const sealed = loaded.data?.status.sealed;
  const zone = loaded.data?.timeZone ?? 'UTC';
  return (
    <section aria-labelledby="pv-seal">
      <h2 id="pv-seal">{t.pvTitle}</h2>
      {loaded.problem?.status === 404 ? (
        <div class="notice notice-warn">
          <p>{t.pvNotSealed}</p>
          <p>{loaded.problem.error.message}</p>
        </div>
      ) : loaded.problem ? (
        <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Busy />
      ) : !sealed ? (
        <p class="notice notice-warn">{t.pvNotSealed}</p>
      ) : (
        <Facts
          facts={[
            [t.pvSealedAt, formatInstant(sealed.at, zone, language)],
            [t.pvFingerprint, <code class="quality-hash">{sealed.pv.sha256}</code>],
            sealed.pv.lock && [t.pvLock, t.pvLockUntil(sealed.pv.lock.mode, formatInstant(sealed.pv.lock.retainUntil, zone, language))],
            [t.pvGrids, sealed.grids.length],
          ]}
        />
      )}
    </section>
  );
}
