import { Conflict, PvIncomplete, sealPv as sealDomainPv, pvMissingElements, violation, fullName, type Sentence, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import type { PvRecord } from '../exam-day/records';
import { pvOf as pvRulesOf } from '../exam-day/pv-draft';
import { assignedJurors } from '../sessions/planning-reads';
import type { SessionPlanning } from '../sessions/records';
import { assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { logger } from '../../observability/logger';
import { gridDocumentOf, pvDocumentOf, pvDraft, sha256Of } from './pv-documents';
import { pvOf, type PvDeps } from './pv-signing';
import type { PvSealRecord } from './records';
import { writeOnce } from './write-once';

/** What sealing needs: the PV's ports and the workflow waiting for the seal. */
export type SealDeps = PvDeps & Pick<Deps, 'workflow'>;

/** Where a session's sealed records are kept in the records bucket. */
export const recordKeys = {
  pv: (sessionId: string, rncpCode: string) => `sessions/${sessionId}/pv-${rncpCode}.pdf`,
  grid: (sessionId: string, registrationId: string) => `sessions/${sessionId}/grids/${registrationId}.pdf`,
  certificate: (sessionId: string, registrationId: string) => `sessions/${sessionId}/certificates/${registrationId}.pdf`,
  decision: (sessionId: string, decisionId: string) => `sessions/${sessionId}/decisions/${decisionId}.pdf`,
  history: (sessionId: string, executionName: string) => `sessions/${sessionId}/execution-history/${executionName}.json`,
  stamp: (centreId: string, sha256: string, extension: string) => `stamps/${centreId}/${sha256}.${extension}`,
};

/**
 * Everything the PV lacks to be sealed (PV-6): PV-2..PV-4's elements, and each signature that
 * attests a draft other than the current one (its signer must read and sign again).
 */
export function sealBlockers(pv: PvRecord, draftSha256: string): Violation[] {
  const stale = (pv.signatures ?? [])
    .filter((s) => s.sha256 !== draftSha256)
    .map((s) => {
      const signatory = [...pv.part3.jurors, pv.part3.sessionManager].find((p) => p.id === s.signerId);
      const who = signatory ? fullName(signatory) : s.signerId;
      return violation('PV-4', {
        en: `the signature of ${who} attests an earlier draft of the PV; they must read it again and sign`,
        fr: `la signature de ${who} atteste une version antérieure du PV ; le signataire doit le relire et signer à nouveau`,
      });
    });
  const current = { ...pv, signatures: (pv.signatures ?? []).filter((s) => s.sha256 === draftSha256) };
  return [...pvMissingElements(pvRulesOf(current)), ...stale];
}

/** The PV as its readers see it: where it stands against PV-6, and its seal once sealed. */
export interface PvStatus {
  /** Everything missing before the seal (PV-6); empty when it can be sealed. */
  missing: Violation[];
  /** The SHA-256 of the draft the signatories sign, while unsealed. */
  draftSha256?: string;
  signatures: Array<{ signerId: string; role: string; name: string; signedAt?: string; sha256?: string; current: boolean }>;
  stamp?: { appliedAt: string; sha256: string };
  sealed?: { at: string; pv: { key: string; sha256: string; lock?: { mode: string; retainUntil: string } }; grids: Array<{ registrationId: string; sha256: string }> };
}

/** PV-6 before the seal, the seal after: for the centre's managers, the session's jurors and the quality committee. */
export async function pvStatus(deps: Pick<Deps, 'documents'>, planning: SessionPlanning, pv: PvRecord): Promise<PvStatus> {
  const signatories = [...pv.part3.jurors, pv.part3.sessionManager];
  const draft = pv.seal ? undefined : await pvDraft(deps.documents, planning, pv);
  const signatures = signatories.map((p) => {
    const s = pv.signatures?.find((g) => g.signerId === p.id);
    return { signerId: p.id, role: p.role, name: fullName(p), ...(s ? { signedAt: s.signedAt, sha256: s.sha256 } : {}), current: Boolean(s && (pv.seal ? s.sha256 === pv.seal.signedDraftSha256 : s.sha256 === draft!.sha256)) };
  });
  const sealed = pv.seal?.pv
    ? { at: pv.seal.at, pv: { key: pv.seal.pv.key, sha256: pv.seal.pv.sha256, ...(pv.seal.pv.lock ? { lock: pv.seal.pv.lock } : {}) }, grids: (pv.seal.grids ?? []).map((g) => ({ registrationId: g.registrationId, sha256: g.document.sha256 })) }
    : undefined;
  return {
    missing: draft ? sealBlockers(pv, draft.sha256) : [],
    ...(draft ? { draftSha256: draft.sha256 } : {}),
    signatures,
    ...(pv.stamp ? { stamp: { appliedAt: pv.stamp.appliedAt, sha256: pv.stamp.image.sha256 } } : {}),
    ...(sealed ? { sealed } : {}),
  };
}

/** PV-6: why a PV with `missing` elements is not sealed. */
function incompletePv(pvId: string, missing: number): Sentence {
  return {
    en: `PV ${pvId} cannot be sealed: ${missing} element${missing === 1 ? ' is' : 's are'} missing, and the quality committee does not validate an incomplete or unsigned PV`,
    fr: `le PV ${pvId} ne peut pas être scellé : ${missing} élément${missing === 1 ? ' manque' : 's manquent'}, et le comité qualité ne valide pas un PV incomplet ou non signé`,
  };
}

/** Begins the seal (PV-6): refused with everything missing; otherwise the instant that dates the sealed documents is fixed. */
async function beginSeal(deps: SealDeps, caller: Caller, sessionId: string): Promise<SessionPlanning> {
  return applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
    assertManagesSession(caller, planning.session);
    const pv = pvOf(planning);
    if (pv.seal) return undefined;
    const draft = await pvDraft(deps.documents, planning, pv);
    const blockers = sealBlockers(pv, draft.sha256);
    if (planning.session.status !== 'deliberated') blockers.unshift(violation('PV-5', { en: `the exam day is not over: session ${sessionId} is in ${planning.session.status}`, fr: `le jour d'examen n'est pas terminé : la session ${sessionId} est à l'état ${planning.session.status}` }));
    if (blockers.length > 0) {
      throw new PvIncomplete([violation('PV-6', incompletePv(pv.id, blockers.length)), ...blockers]);
    }
    sealDomainPv(pvRulesOf(pv), new Date(at)); // PV-6
    const seal: PvSealRecord = { at, by: caller.id, signedDraftSha256: draft.sha256 };
    return { items: [{ kind: 'pv', record: { ...pv, seal } }], action: 'pv.seal-begun', details: { draftSha256: draft.sha256 } };
  });
}

/**
 * Seals the PV (PV-6, PV-7): refused, naming everything missing, until it is complete. Sealed,
 * the PV with its signatures and stamp and every deliberated candidate's grid are written once to
 * the records bucket (Object Lock, compliance mode, on AWS), their SHA-256 and lock recorded; the
 * session's results are final and the workflow goes on to release them. A retry, or a crash
 * midway, finishes the same seal with the same bytes.
 */
export async function sealPv(deps: SealDeps, caller: Caller, sessionId: string): Promise<PvRecord> {
  const begun = await beginSeal(deps, caller, sessionId);
  let pv = pvOf(begun);
  const seal = pv.seal!;
  if (!seal.completedAt) {
    const { session } = begun;
    const stampBytes = await deps.records.read(pv.stamp!.image.key, pv.stamp!.image.s3VersionId);
    if (!stampBytes) throw new Error(`the stamp ${pv.stamp!.image.key} of centre ${session.centreId} is missing from the records bucket`);
    const pvBytes = await deps.documents.pv(pvDocumentOf(begun, pv, { at: seal.at, stamp: { bytes: stampBytes, contentType: pv.stamp!.imageContentType } }));
    const pvRecord = await writeOnce(deps.records, recordKeys.pv(session.id, pv.part1.rncpCode), pvBytes, 'application/pdf', sha256Of(pvBytes));
    const jurors = await assignedJurors(deps.jurors, begun);
    const grids: NonNullable<PvSealRecord['grids']> = [];
    for (const grid of begun.grids.filter((g) => g.completedAt)) {
      const bytes = await deps.documents.grid(gridDocumentOf(begun, grid, jurors, seal.at));
      grids.push({ registrationId: grid.registrationId, document: await writeOnce(deps.records, recordKeys.grid(session.id, grid.registrationId), bytes, 'application/pdf', sha256Of(bytes)) });
    }
    const sealed = await applySessionChange(deps, sessionId, actorOf(caller), (current, at) => {
      const latest = pvOf(current);
      if (latest.seal?.completedAt) return undefined;
      return {
        session: { status: 'sealed', sealedAt: seal.at, overdue: undefined },
        items: [{ kind: 'pv', record: { ...latest, seal: { ...seal, pv: pvRecord, grids, completedAt: at } } }],
        action: 'pv.sealed',
        details: { pv: { key: pvRecord.key, sha256: pvRecord.sha256, lock: pvRecord.lock }, grids: grids.map((g) => ({ registrationId: g.registrationId, key: g.document.key, sha256: g.document.sha256 })) },
      };
    });
    pv = pvOf(sealed);
    await completeSealStep(deps, sealed);
  }
  return pv;
}

/** Completes the workflow's `pv-seal` step once the PV is sealed; a step already completed counts once. */
export async function completeSealStep(deps: Pick<Deps, 'workflow'>, planning: SessionPlanning): Promise<void> {
  const pending = planning.session.pendingStep;
  if (pending?.step !== 'pv-seal' || !planning.pv?.seal?.completedAt) return;
  try {
    await deps.workflow.completeStep(pending.taskToken, { sealedAt: planning.pv.seal.at });
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    logger.info('pv-seal step already completed', { sessionId: planning.session.id });
  }
}
