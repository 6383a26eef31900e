import { Conflict, describeInstant, Forbidden, NotFound, StepOutOfOrder, violation, violationMessage, fullName } from '../../domain';
import type { Caller } from '../caller';
import { actorOf } from '../caller';
import type { Deps } from '../deps';
import type { PvRecord } from '../exam-day/records';
import { loadPlanning } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { assertManagesSession, sittingJuror } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { pvDraft, sha256Of } from './pv-documents';
import type { PvSignatureRecord } from './records';

/** What reading, signing and stamping the PV need. */
export type PvDeps = Pick<Deps, 'sessions' | 'jurors' | 'records' | 'documents' | 'settings' | 'now' | 'newId'>;

/** The PV of a session, once drafted on the eve of its exam day (PV-5). */
export function pvOf(planning: SessionPlanning): PvRecord {
  if (!planning.pv) {
    throw new NotFound({
      en: `the PV of session ${planning.session.id} is drafted on the eve of its exam day (PV-5); the session is in ${planning.session.status}`,
      fr: `le PV de la session ${planning.session.id} est établi la veille de son jour d'examen (PV-5) ; la session est à l'état ${planning.session.status}`,
    });
  }
  return planning.pv;
}

/** The caller's place on part 3 of the PV: a juror of the session, or its session manager (PV-4). */
async function signatoryOf(deps: Pick<Deps, 'jurors'>, caller: Caller, planning: SessionPlanning, pv: PvRecord): Promise<Pick<PvSignatureRecord, 'signerId' | 'role'> | undefined> {
  const juror = await sittingJuror(deps.jurors, caller, planning);
  if (juror && pv.part3.jurors.some((j) => j.id === juror.id)) return { signerId: juror.id, role: 'juror' };
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId && pv.part3.sessionManager.id === caller.id) return { signerId: caller.id, role: 'session-manager' };
  return undefined;
}

/** A PV document as its reader receives it: the bytes, their SHA-256, and whether it is the draft or the sealed original. */
export interface PvPdf {
  bytes: Uint8Array;
  sha256: string;
  draft: boolean;
  fileName: string;
}

/**
 * The PV as a PDF. Before the seal, the draft marked PROJET that the signatories sign, for the
 * centre's managers and the session's jurors; once sealed, the original kept in the records
 * bucket, for them and for the quality committee, checked against the SHA-256 recorded at the seal.
 */
export async function readPvPdf(deps: PvDeps, caller: Caller, sessionId: string): Promise<PvPdf> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const pv = pvOf(planning);
  const sealed = pv.seal?.pv;
  const centre = caller.roles.includes('managers') && caller.centreId === planning.session.centreId;
  const juror = !centre && (await sittingJuror(deps.jurors, caller, planning));
  if (!centre && !juror && !(sealed && caller.roles.includes('quality'))) {
    throw new Forbidden(
      caller.roles.includes('quality')
        ? {
            en: `PV-6: the quality committee reads the sealed PV; session ${sessionId}'s PV is not sealed yet (GET /sessions/${sessionId}/pv says what it lacks)`,
            fr: `PV-6 : le comité qualité consulte le PV scellé ; le PV de la session ${sessionId} n'est pas encore scellé (le responsable de session voit ce qui lui manque dans l'onglet Procès-verbal de la session)`,
          }
        : {
            en: `you may not read the PV of session ${sessionId}: you neither manage its centre nor sit on its jury`,
            fr: `vous ne pouvez pas consulter le PV de la session ${sessionId} : vous n'êtes ni responsable de son centre ni membre de son jury`,
          },
    );
  }
  const fileName = `pv-${pv.part1.rncpCode}-${pv.part1.sessionDate}${sealed ? '' : '-projet'}.pdf`;
  if (sealed) {
    const bytes = await deps.records.read(sealed.key, sealed.s3VersionId);
    if (!bytes || sha256Of(bytes) !== sealed.sha256) throw new Error(`the sealed PV of session ${sessionId} does not match the SHA-256 recorded at its seal`);
    return { bytes, sha256: sealed.sha256, draft: false, fileName };
  }
  const draft = await pvDraft(deps.documents, planning, pv);
  return { ...draft, draft: true, fileName };
}

/** PV-4: the PV is signed once the exam day closed, every candidate deliberated or absent and the counts complete. */
function assertSignable(planning: SessionPlanning, pv: PvRecord): void {
  const { id, status } = planning.session;
  if (pv.seal) {
    const sealedOn = describeInstant(new Date(pv.seal.at), calendarOf(planning.session).timeZone, 'fr');
    throw new Conflict(
      { en: `PV-7: the PV of session ${id} was sealed on ${pv.seal.at} and can no longer change`, fr: `PV-7 : le PV de la session ${id} a été scellé le ${sealedOn} et ne peut plus être modifié` },
      [violation('PV-7', { en: 'the PV is sealed', fr: 'le PV est scellé' })],
    );
  }
  if (status !== 'deliberated') {
    const found = violation('PV-4', {
      en: `the PV is signed at the end of the session, once every candidate is deliberated or absent and the counts are complete; session ${id} is in ${status}`,
      fr: `le PV est signé à la fin de la session, une fois chaque candidat délibéré ou déclaré absent et les décomptes complets ; la session ${id} est à l'état ${status}`,
    });
    throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
  }
}

/**
 * A juror of part 3 or the session manager signs the PV (PV-4), naming the SHA-256 of the draft
 * they read (`GET …/pv.pdf`): the signature records who, when and that hash. A hash that is no
 * longer the draft's is refused with 409: the PV changed since they read it. Signing twice the
 * same draft is one signature. Remote sessions (EXAM-5) sign the same way.
 */
export async function signPv(deps: PvDeps, caller: Caller, sessionId: string, input: { sha256: string }): Promise<PvSignatureRecord> {
  let signature: PvSignatureRecord | undefined;
  await applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
    const pv = pvOf(planning);
    const signatory = await signatoryOf(deps, caller, planning, pv);
    if (!signatory) {
      throw new Forbidden({
        en: `PV-4: only the jurors named on part 3 of session ${sessionId}'s PV and its session manager sign it`,
        fr: `PV-4 : seuls les jurés nommés en partie 3 du PV de la session ${sessionId} et son responsable de session le signent`,
      });
    }
    const existing = pv.signatures?.find((s) => s.signerId === signatory.signerId);
    if (existing?.sha256 === input.sha256) {
      signature = existing;
      return undefined;
    }
    assertSignable(planning, pv);
    const draft = await pvDraft(deps.documents, planning, pv);
    if (draft.sha256 !== input.sha256) {
      throw new Conflict(
        {
          en: `the PV changed since you read it: its draft is now ${draft.sha256}; read it again (GET /sessions/${sessionId}/pv.pdf) and sign what it says`,
          fr: `le PV a changé depuis votre lecture : sa version en projet est désormais ${draft.sha256} ; relisez le PV tel qu'il est maintenant et signez ce qu'il contient`,
        },
        [
          violation('PV-4', {
            en: 'a signature attests the exact draft its signer read, and the draft named is no longer the current one',
            fr: 'une signature atteste la version exacte du projet lue par son signataire, et la version indiquée n\'est plus la version en cours',
          }),
        ],
      );
    }
    signature = { ...signatory, userId: caller.id, signedAt: at, sha256: draft.sha256, method: 'electronic' };
    const signatures = [...(pv.signatures ?? []).filter((s) => s.signerId !== signatory.signerId), signature];
    return { items: [{ kind: 'pv', record: { ...pv, signatures } }], action: 'pv.signed', details: { signerId: signatory.signerId, role: signatory.role, sha256: draft.sha256 } };
  });
  return signature!;
}

/**
 * The session manager applies the centre's stamp (PV-4) once every signature is given: the stamp
 * uploaded by the centre's managers, as it is now, goes on the sealed PV. Idempotent.
 */
export async function applyStamp(deps: PvDeps, caller: Caller, sessionId: string): Promise<PvRecord> {
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    assertManagesSession(caller, current.session);
    const pv = pvOf(current);
    assertSignable(current, pv);
    const stamp = await deps.settings.stamp(current.session.centreId);
    if (!stamp) {
      const { centreId } = current.session;
      throw new StepOutOfOrder(
        {
          en: `PV-4: centre ${centreId} has no stamp on file; a manager of the centre uploads it once (PUT /centres/${centreId}/stamp)`,
          fr: `PV-4 : le centre ${centreId} n'a pas de cachet enregistré ; un responsable du centre l'enregistre une fois pour toutes (onglet Procès-verbal de la session, « Cachet du centre »)`,
        },
        [violation('PV-4', { en: `centre ${centreId} has no stamp on file`, fr: `le centre ${centreId} n'a pas de cachet enregistré` })],
      );
    }
    if (pv.stamp?.image.sha256 === stamp.image.sha256) return undefined;
    const unsigned = [...pv.part3.jurors, pv.part3.sessionManager].filter((s) => !pv.signatures?.some((g) => g.signerId === s.id));
    if (unsigned.length > 0) {
      const missing = unsigned.map((s) =>
        violation('PV-4', {
          en: `part 3 lacks the signature of ${fullName(s)} (${s.role === 'juror' ? 'juror' : 'session manager'})`,
          fr: `il manque en partie 3 la signature de ${fullName(s)} (${s.role === 'juror' ? 'juré' : 'responsable de session'})`,
        }),
      );
      throw new StepOutOfOrder(
        {
          en: `PV-4: the stamp is applied once every signature is given; ${missing.length} missing`,
          fr: `PV-4 : le cachet est apposé une fois toutes les signatures recueillies ; ${missing.length} manquante${missing.length === 1 ? '' : 's'}`,
        },
        missing,
      );
    }
    return {
      items: [{ kind: 'pv', record: { ...pv, stamp: { appliedAt: at, appliedBy: caller.id, image: stamp.image, imageContentType: stamp.contentType } } }],
      action: 'pv.stamped',
      details: { stampSha256: stamp.image.sha256 },
    };
  });
  return pvOf(planning);
}
