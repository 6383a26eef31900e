import { createHash } from 'node:crypto';
import { fullName } from '../../domain';
import { candidateContext } from '../exam-day/day-context';
import type { GridRecord, PvRecord } from '../exam-day/records';
import { calendarOf, type JurorRecord, type SessionPlanning } from '../sessions/records';
import type { DocumentRenderer, GridDocument, PvDocument } from './documents';

/** The SHA-256 of a document's bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The PV as a document: the draft everyone signs (no signature yet, marked PROJET), or the sealed original with its signatures and stamp. */
export function pvDocumentOf(planning: SessionPlanning, pv: PvRecord, sealed?: { at: string; stamp: { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg' } }): PvDocument {
  const { timeZone } = calendarOf(planning.session);
  const signatureOf = (id: string) => {
    const signature = sealed ? pv.signatures?.find((s) => s.signerId === id) : undefined;
    return signature ? { signature: { signedAt: new Date(signature.signedAt), sha256: signature.sha256 } } : {};
  };
  return {
    draft: !sealed,
    datedAt: new Date(sealed?.at ?? pv.draftedAt),
    timeZone,
    part1: {
      certificationName: pv.part1.certificationName,
      rncpCode: pv.part1.rncpCode,
      sessionDate: pv.part1.sessionDate,
      centreName: pv.part1.centreName,
      centreAddress: pv.part1.centreAddress,
      ...(pv.part1.counts ? { counts: pv.part1.counts } : {}),
    },
    part2: pv.part2.map((row) => ({
      name: fullName(row),
      ...(row.result ? { result: row.result } : {}),
      blocksValidated: row.blocksValidated,
      ...(row.reasons ? { reasons: row.reasons } : {}),
      ...(row.recommendations ? { recommendations: row.recommendations } : {}),
    })),
    part3: {
      jurors: pv.part3.jurors.map((j) => ({ name: fullName(j), ...signatureOf(j.id) })),
      sessionManager: { name: fullName(pv.part3.sessionManager), ...signatureOf(pv.part3.sessionManager.id) },
      ...(sealed && pv.stamp ? { stamp: { ...sealed.stamp, appliedAt: new Date(pv.stamp.appliedAt) } } : {}),
    },
    ...(sealed ? { sealedAt: new Date(sealed.at) } : {}),
  };
}

/**
 * The draft of the PV the signatories read and sign (PV-4): rendered from the data alone, dated
 * when it was drafted, so the same PV always gives the same bytes and the same SHA-256.
 */
export async function pvDraft(renderer: Pick<DocumentRenderer, 'pv'>, planning: SessionPlanning, pv: PvRecord): Promise<{ bytes: Uint8Array; sha256: string }> {
  const bytes = await renderer.pv(pvDocumentOf(planning, pv));
  return { bytes, sha256: sha256Of(bytes) };
}

/** A deliberated candidate's grid as a document, with the jurors' signatures (DELIB-4), dated `at`. */
export function gridDocumentOf(planning: SessionPlanning, grid: GridRecord, jurors: readonly JurorRecord[], at: string): GridDocument {
  const { ref, scope, name } = candidateContext(planning, grid.registrationId);
  const { timeZone } = calendarOf(planning.session);
  const nameOf = (jurorId: string) => {
    const juror = jurors.find((j) => j.id === jurorId);
    return juror ? fullName(juror) : jurorId;
  };
  return {
    datedAt: new Date(at),
    timeZone,
    rncpCode: ref.rncpCode,
    certificationName: ref.title,
    sessionDate: planning.session.sessionDate,
    candidateName: name,
    blocks: scope.blocks.map((block) => ({
      code: block.code,
      title: block.title,
      competencies: scope.competencies
        .filter((c) => c.block === block.code)
        .map((c) => ({ code: c.code, ...(c.title ? { title: c.title } : {}), acquired: grid.decisions[c.code] === 'acquired' })),
    })),
    blocksValidatedEarlier: scope.previouslyValidatedBlocks,
    result: grid.outcome!.result,
    ...(grid.reasons ? { reasons: grid.reasons } : {}),
    ...(grid.recommendations ? { recommendations: grid.recommendations } : {}),
    signatures: grid.signatures.map((s) => ({ name: nameOf(s.jurorId), signature: { signedAt: new Date(s.signedAt), sha256: s.hash } })),
  };
}
