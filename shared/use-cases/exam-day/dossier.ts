import { createHash } from 'node:crypto';
import { checkDossierJury, Forbidden, fullName, NotFound, referentialFor, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { scopeOf } from '../deliverables/deliverable-access';
import { eligibilityOf } from '../deliverables/jury-access';
import { assignedJurors, loadPlanning } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { assertCanReadSession, sittingJuror } from '../sessions/session-access';
import type { PvRecord } from './records';
import { pvStatus, type PvStatus } from '../records/pv-seal';
import { pvOf } from '../records/pv-signing';

/** The PV as its readers see it: the candidates' account ids and the records' storage details stay in the service (the status says what the signatures and seal are). */
export type PvView = Omit<PvRecord, 'part2' | 'signatures' | 'stamp' | 'seal'> & { part2: Array<Omit<PvRecord['part2'][number], 'candidateId'>> };

/** A PV without the candidates' account ids, the signers' accounts or the records' storage. */
export function pvView(pv: PvRecord): PvView {
  const { signatures: _signatures, stamp: _stamp, seal: _seal, ...rest } = pv;
  return { ...rest, part2: pv.part2.map(({ candidateId: _account, ...row }) => row) };
}

/** One candidate in a juror's dossier: what they are judged on, their grid to fill, their files. */
export interface DossierCandidate {
  registrationId: string;
  name: string;
  blocksInScope: string[];
  extraMinutes?: number;
  /** The grid, pre-filled with the candidate's scope: the competencies to decide (DELIB-7). */
  grid: { competencies: Array<{ code: string; title?: string; block: string }> };
  /** The jury set: each deliverable's version and the SHA-256 of its bytes, and where to download it (DELIV-7). */
  deliverables: Array<{ deliverableType: string; versionId: string; sha256: string; download: string }>;
}

/** The "dossier jury" of one juror (JURY-8): the guide, the referential, a grid and the files of each of their candidates, the draft PV. */
export interface Dossier {
  sessionId: string;
  timeZone: string;
  guide: { documentId: string; title: string; distributedOn?: string };
  referential: { documentId: string; rncpCode: string; title: string; blocks: Array<{ code: string; title: string }> };
  candidates: DossierCandidate[];
  pv?: PvView;
  /** What the dossier still lacks (JURY-8), each by rule. */
  missing: Violation[];
}

function dossierOf(planning: SessionPlanning, candidateIds: readonly string[]): Dossier {
  const { session } = planning;
  const ref = referentialFor(session.titleCode);
  const guideOn = planning.distributions.filter((d) => d.ruleId === 'DIST-4').map((d) => d.distributedOn).sort()[0];
  const candidates = planning.registrations
    .filter((r) => candidateIds.includes(r.id))
    .map((registration): DossierCandidate => {
      const scope = scopeOf(planning, registration);
      const set = planning.jurySets.find((s) => s.registrationId === registration.id);
      return {
        registrationId: registration.id,
        name: fullName(registration.candidate),
        blocksInScope: scope.blocks.map((b) => b.code),
        ...(registration.accommodation ? { extraMinutes: registration.accommodation.extraMinutes } : {}),
        grid: { competencies: scope.competencies.map((c) => ({ code: c.code, ...(c.title ? { title: c.title } : {}), block: c.block })) },
        deliverables: scope.deliverables.flatMap(({ id: deliverableType }) => {
          const copy = set?.selected[deliverableType];
          return copy ? [{ deliverableType, versionId: copy.versionId, sha256: copy.sha256, download: `/sessions/${session.id}/candidates/${registration.id}/deliverables/${deliverableType}/download` }] : [];
        }),
      };
    });
  const dossier = {
    guideDocumentId: guideOn ? `guide:${ref.rncpCode}` : undefined,
    referentialDocumentId: `referential:${ref.rncpCode}`,
    pvId: planning.pv?.id,
    gridIds: Object.fromEntries(candidates.map((c) => [c.registrationId, `grid:${c.registrationId}`])),
    deliverables: Object.fromEntries(candidates.map((c) => [c.registrationId, c.deliverables.map((d) => d.deliverableType)])),
  };
  const owed = planning.registrations
    .filter((r) => candidateIds.includes(r.id))
    .map((r) => ({ registrationId: r.id, name: fullName(r.candidate), owed: scopeOf(planning, r).deliverables.map(({ id, label, name }) => ({ id, label, name })) }));
  return {
    sessionId: session.id,
    timeZone: calendarOf(session).timeZone,
    guide: { documentId: `guide:${ref.rncpCode}`, title: `Mode d'emploi de la certification ${ref.rncpCode}`, ...(guideOn ? { distributedOn: guideOn } : {}) },
    referential: { documentId: `referential:${ref.rncpCode}`, rncpCode: ref.rncpCode, title: ref.title, blocks: ref.blocks.map((b) => ({ code: b.code, title: b.title })) },
    candidates,
    ...(planning.pv ? { pv: pvView(planning.pv) } : {}),
    missing: checkDossierJury(dossier, owed).violations, // JURY-8
  };
}

/**
 * A juror's dossier (JURY-8), for the candidates they evaluate (not those they declared a link
 * with, JURY-4), once the jury set is frozen. Each delivery is recorded with its audit event,
 * beside the juror's downloads (JURY-7).
 */
export async function juryDossier(deps: Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>, caller: Caller, sessionId: string): Promise<Dossier> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const juror = await sittingJuror(deps.jurors, caller, planning);
  if (!juror) throw new Forbidden({ en: `you do not sit on the jury of session ${sessionId}`, fr: `vous n'êtes pas membre du jury de la session ${sessionId}` });
  if (!planning.session.frozenAt) {
    throw new NotFound({
      en: `the dossier of session ${sessionId} is put together when the jury set is frozen, 5 days before the session (DELIV-4)`,
      fr: `le dossier de la session ${sessionId} est constitué au gel des livrables remis au jury, 5 jours avant la session (DELIV-4)`,
    });
  }
  const rows = eligibilityOf(planning, await assignedJurors(deps.jurors, planning)).rows;
  const mine = rows.filter((r) => r.eligibleJurorIds.includes(juror.id)).map((r) => r.registrationId);
  const dossier = dossierOf(planning, mine);
  const at = deps.now().toISOString();
  const sha256 = createHash('sha256').update(JSON.stringify(dossier)).digest('hex');
  await deps.sessions.recordDownload(
    { sessionId, jurorId: juror.id, registrationId: '-', deliverableType: 'dossier', versionId: 'dossier', sha256, at },
    { subject: { type: 'session', id: sessionId }, at, eventId: deps.newId(), actor: actorOf(caller), action: 'dossier.delivered', details: { jurorId: juror.id, candidates: mine, sha256 } }, // JURY-7, JURY-8
  );
  return dossier;
}

/**
 * The PV as it stands (PV-5) and where it stands against PV-6 (what it lacks, who signed which
 * draft, the stamp, the seal): for the centre's managers, the quality committee and the session's jurors.
 */
export async function readPv(deps: Pick<Deps, 'sessions' | 'jurors' | 'documents'>, caller: Caller, sessionId: string): Promise<{ timeZone: string; pv: PvView; status: PvStatus }> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  const pv = pvOf(planning); // PV-5
  return { timeZone: calendarOf(planning.session).timeZone, pv: pvView(pv), status: await pvStatus(deps, planning, pv) };
}
