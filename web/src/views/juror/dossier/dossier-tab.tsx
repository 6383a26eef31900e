import type { Dossier, DossierCandidate } from '../../../../../shared/use-cases/exam-day/dossier';
import { useLoad } from '../../../app/api';
import { href } from '../../../app/router';
import { formatDate } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { Facts } from '../../../ui/facts';
import { LoadedView } from '../../../ui/loaded';
import { JUROR } from '../messages';
import { RuleList, type TabProps, TabSection } from '../parts';
import { DownloadLink } from './download-link';

function CandidateCard({ sessionId, candidate }: { sessionId: string; candidate: DossierCandidate }) {
  const t = useMessages(JUROR);
  const headingId = `dossier-${candidate.registrationId}`;
  return (
    <li class="card">
      <h4 id={headingId}>{candidate.name}</h4>
      <Facts facts={[[t.blocksInScope, candidate.blocksInScope.join(', ')], candidate.extraMinutes !== undefined && [t.extraTime, t.extraMinutes(candidate.extraMinutes)]]} />
      <p>
        <a href={href('juror', 'sessions', sessionId, 'grids', candidate.registrationId)}>{t.gridLink(candidate.name, candidate.grid.competencies.length)}</a>
      </p>
      <h5>{t.deliverables}</h5>
      {candidate.deliverables.length === 0 ? (
        <p>{t.noDeliverables}</p>
      ) : (
        <ul class="juror-deliverables">
          {candidate.deliverables.map((d) => (
            <li key={d.deliverableType}>
              <DownloadLink sessionId={sessionId} registrationId={candidate.registrationId} deliverableType={d.deliverableType} />
              <span class="muted juror-hash">
                {t.fingerprint} <code>{d.sha256.slice(0, 16)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DossierView({ dossier }: { dossier: Dossier }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  return (
    <>
      <h3>{t.guide}</h3>
      <p>
        {dossier.guide.title} —{' '}
        {dossier.guide.distributedOn ? (
          <span class="badge badge-ok">{t.guideGiven(formatDate(dossier.guide.distributedOn, language))}</span>
        ) : (
          <span class="badge badge-warn">{t.guideNotGiven}</span>
        )}
      </p>
      <h3>{t.referential}</h3>
      <p>
        {dossier.referential.rncpCode} — {dossier.referential.title}
      </p>
      <ul>
        {dossier.referential.blocks.map((b) => (
          <li key={b.code}>{t.block(b.code, b.title)}</li>
        ))}
      </ul>
      <h3>{t.missingTitle}</h3>
      {dossier.missing.length === 0 ? <p>{t.nothingMissing}</p> : <RuleList items={dossier.missing} label={t.missingTitle} />}
      {dossier.pv && <p>{t.pvInDossier}</p>}
      <h3>{t.yourCandidates}</h3>
      {dossier.candidates.length === 0 ? (
        <p>{t.noCandidates}</p>
      ) : (
        <ul class="cards">
          {dossier.candidates.map((c) => (
            <CandidateCard key={c.registrationId} sessionId={dossier.sessionId} candidate={c} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The dossier jury (JURY-8): the guide, the referential, each candidate's deliverables to download, and what is missing. */
export function DossierTab({ session }: TabProps) {
  const t = useMessages(JUROR);
  const loaded = useLoad((client) => client.dossier(session.id), [session.id]);
  return (
    <TabSection tab="dossier">
      <p>{t.dossierIntro}</p>
      <LoadedView loaded={loaded}>{({ dossier }) => <DossierView dossier={dossier} />}</LoadedView>
    </TabSection>
  );
}
