import { useLoad } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { LoadedView } from '../../../ui/loaded';
import { JUROR } from '../messages';
import { RuleList, type TabProps, TabSection } from '../parts';
import { PvPart1, PvPart2, PvPart3 } from './pv-parts';
import { PvSign } from './pv-sign';

/** The PV (PV-2..7): its three parts as they stand, what it lacks, its PDF, and the juror's signature. */
export function PvTab({ session }: TabProps) {
  const t = useMessages(JUROR);
  const loaded = useLoad((client) => client.pv(session.id), [session.id]);
  return (
    <TabSection tab="pv">
      <p>{t.pvIntro}</p>
      <LoadedView loaded={loaded}>
        {({ pv, status, timeZone }) => (
          <>
            <PvPart1 pv={pv} />
            <PvPart2 pv={pv} />
            <PvPart3 status={status} timeZone={timeZone} />
            {!status.sealed && (
              <>
                <h3>{t.pvMissing}</h3>
                {status.missing.length === 0 ? <p>{t.pvComplete}</p> : <RuleList items={status.missing} label={t.pvMissing} />}
              </>
            )}
            <PvSign
              sessionId={session.id}
              draft={!status.sealed}
              signedSha256={status.signatures.find((s) => s.signerId === session.you?.jurorId && s.current)?.sha256}
              fallbackName={`pv-${pv.part1.rncpCode}-${pv.part1.sessionDate}.pdf`}
              timeZone={timeZone}
              onSigned={loaded.reload}
            />
          </>
        )}
      </LoadedView>
    </TabSection>
  );
}
