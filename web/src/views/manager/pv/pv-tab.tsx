import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useLoad } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_PV } from '../messages';
import { RuleList } from '../rules';
import { PvFacts } from './pv-facts';
import { PvPreview, type DraftRead } from './pv-preview';
import { SealPv } from './seal-pv';
import { SealedFacts } from './sealed-facts';
import { Signatures } from './signatures';
import { SignPv } from './sign-pv';
import { Stamp } from './stamp';

/**
 * The PV tab: where the PV stands against PV-6 (each missing item by rule), its draft to read and
 * download, the session manager's signature on the draft read, the centre's stamp, and the seal;
 * once sealed (PV-7), the sealed record's facts.
 */
export function PvTab({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_PV);
  const pv = useLoad((client) => client.pv(session.id), [session.id]);
  const [read, setRead] = useState<DraftRead | undefined>();
  const changed = () => {
    pv.reload();
    onChanged();
  };
  return (
    <LoadedView loaded={pv}>
      {({ pv: record, status, timeZone }) => {
        const shown = read && read.sealed === Boolean(status.sealed) ? read : undefined;
        return (
          <>
            <h2>{t.pvHeading}</h2>
            <PvFacts pv={record} />
            {status.sealed ? (
              <SealedFacts sealed={status.sealed} timeZone={timeZone} />
            ) : (
              <section aria-labelledby="missing-heading">
                <h2 id="missing-heading">{t.missingHeading}</h2>
                {status.missing.length === 0 ? <p class="notice notice-ok">{t.nothingMissing}</p> : <RuleList rules={status.missing} label={t.missingHeading} />}
              </section>
            )}
            <Signatures status={status} timeZone={timeZone} />
            <PvPreview sessionId={session.id} sealed={Boolean(status.sealed)} draftSha256={status.draftSha256} read={shown} onRead={setRead} />
            {!status.sealed && (
              <>
                <SignPv sessionId={session.id} status={status} read={shown} timeZone={timeZone} onDone={changed} />
                <Stamp session={session} status={status} timeZone={timeZone} onDone={changed} />
                <SealPv key={`${status.draftSha256}-${status.missing.length}`} sessionId={session.id} onDone={changed} />
              </>
            )}
          </>
        );
      }}
    </LoadedView>
  );
}
