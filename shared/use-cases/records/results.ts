import { appealsCloseAt, certificateFor, Forbidden, fullName, localDate, NotFound, referentialFor, StepOutOfOrder, violation, violationMessage } from '../../domain';
import { WORKFLOW_ACTOR, type Caller } from '../caller';
import type { Deps } from '../deps';
import { loadPlanning, registrationOf } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import { sha256Of } from './pv-documents';
import { recordKeys } from './pv-seal';
import type { CertificateRecord } from './records';
import { titleSettingsOf } from './settings';
import { normalizeVerificationCode, verificationCodeFrom } from './verification-code';
import { writeOnce } from './write-once';

/** What releasing the results needs. */
export type ReleaseDeps = Pick<Deps, 'sessions' | 'records' | 'documents' | 'settings' | 'now' | 'newId'>;

/** The certifier printed on diplomas and booklets. */
const CERTIFIER = 'Certiflow — organisme certificateur';

/** Statuses in which a session's results are final: sealed, released, or annulled since. */
const FINAL = new Set(['sealed', 'results-released', 'annulled']);

/**
 * RETAKE-1 at the release of the results, once the PV is sealed: the title and a "parchemin" for
 * every candidate holding all four blocks, a "livret de certification" listing exactly the blocks
 * held for those with 1 to 3, nothing for the others; each with its verification code. The appeal
 * window opens (QUAL-1). Codes are recorded first, so a retry writes the same documents, then
 * each PDF goes to the records bucket. An annulled session releases nothing. Idempotent.
 */
export async function releaseResults(deps: ReleaseDeps, sessionId: string): Promise<{ issued: number }> {
  const settings = await titleSettingsOf(deps, (await loadPlanning(deps.sessions, sessionId)).session.titleCode);
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current, at) => {
    const { session } = current;
    if (session.results || session.status === 'annulled') return undefined;
    if (session.status !== 'sealed') {
      throw new StepOutOfOrder({
        en: `RETAKE-1: results are released once the PV is sealed; session ${sessionId} is in ${session.status}`,
        fr: `RETAKE-1 : les résultats sont publiés une fois le PV scellé ; la session ${sessionId} est à l'état ${session.status}`,
      });
    }
    const ref = referentialFor(session.titleCode);
    const { timeZone } = calendarOf(session);
    const certificates = current.pv!.part2.flatMap((row): CertificateRecord[] => {
      const certificate = certificateFor(ref, row.blocksValidated); // RETAKE-1
      if (certificate.kind === 'none') return [];
      const sitting = current.grids.find((g) => g.registrationId === row.registrationId)?.outcome;
      return [{
        sessionId,
        registrationId: row.registrationId,
        userId: row.candidateId,
        kind: certificate.kind,
        verificationCode: verificationCodeFrom(deps.newId()),
        holderName: fullName(row),
        rncpCode: ref.rncpCode,
        title: ref.title,
        blocks: certificate.blocks,
        blocksValidatedNow: sitting?.blocksValidatedNow ?? [],
        sessionDate: session.sessionDate,
        issuedAt: at,
      }];
    });
    const closesAt = appealsCloseAt(new Date(at), settings.appealWindowMonths, timeZone).toISOString(); // QUAL-1
    return {
      session: { status: 'results-released', results: { releasedAt: at, appealsCloseAt: closesAt, appealWindowMonths: settings.appealWindowMonths } },
      items: certificates.map((record) => ({ kind: 'certificate' as const, record })),
      action: 'results.released',
      details: { certificates: certificates.map((c) => ({ registrationId: c.registrationId, kind: c.kind, verificationCode: c.verificationCode })), appealsCloseAt: closesAt },
    };
  });
  const pending = planning.certificates.filter((c) => !c.document);
  if (pending.length === 0) return { issued: planning.certificates.length };
  const written: CertificateRecord[] = [];
  for (const certificate of pending) {
    const bytes = await deps.documents.certificate({
      kind: certificate.kind,
      datedAt: new Date(certificate.issuedAt),
      holderName: certificate.holderName,
      rncpCode: certificate.rncpCode,
      certificationName: certificate.title,
      certifier: CERTIFIER,
      blocks: certificate.blocks,
      sessionDate: certificate.sessionDate,
      centreAddress: planning.session.address,
      verificationCode: certificate.verificationCode,
    });
    const document = await writeOnce(deps.records, recordKeys.certificate(sessionId, certificate.registrationId), bytes, 'application/pdf', sha256Of(bytes));
    written.push({ ...certificate, document });
  }
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current) => {
    const missing = written.filter((c) => !current.certificates.find((s) => s.registrationId === c.registrationId)?.document);
    if (missing.length === 0) return undefined;
    return {
      items: missing.map((record) => ({ kind: 'certificate' as const, record })),
      action: 'certificates.written',
      details: { documents: missing.map((c) => ({ registrationId: c.registrationId, key: c.document!.key, sha256: c.document!.sha256 })) },
    };
  });
  return { issued: planning.certificates.length };
}

/** A candidate's result as they, the centre's managers and the quality committee read it. */
export interface CandidateResult {
  registrationId: string;
  sessionId: string;
  sessionDate: string;
  timeZone: string;
  candidateName: string;
  result?: string;
  blocksValidated: string[];
  reasons?: string;
  recommendations?: string;
  /** `void` once the quality committee annulled the session (QUAL-2). */
  standing: 'standing' | 'void';
  annulment?: { reason: string; decidedAt: string };
  certificate?: { kind: 'parchemin' | 'livret'; verificationCode: string; issuedAt: string; download?: { url: string; sha256: string } };
  appeals?: { closeAt: string };
}

/** How long a document's download link lasts. */
const DOWNLOAD_SECONDS = 300;

function assertMayReadResult(caller: Caller, planning: SessionPlanning, registrationId: string): void {
  const registration = registrationOf(planning, registrationId);
  const { session } = planning;
  if (caller.roles.includes('quality') || (caller.roles.includes('managers') && caller.centreId === session.centreId)) return;
  if (caller.roles.includes('candidates') && registration.candidate.userId === caller.id) {
    if (FINAL.has(session.status)) return;
    throw new Forbidden({
      en: `RETAKE-1: a candidate sees their result once the PV is sealed; session ${session.id} is in ${session.status}`,
      fr: `RETAKE-1 : un candidat consulte son résultat une fois le PV scellé ; la session ${session.id} est à l'état ${session.status}`,
    });
  }
  throw new Forbidden({
    en: 'a result is read by its candidate, the managers of the session\'s centre and the quality committee',
    fr: 'un résultat est consulté par son candidat, les responsables du centre de la session et le comité qualité',
  });
}

/**
 * A candidate's result (RETAKE-1): for the candidate once the PV is sealed, and the centre's
 * managers and the quality committee; the diploma or booklet with its verification code and a
 * short download link; void with the committee's reason once the session is annulled (QUAL-2).
 */
export async function candidateResult(deps: Pick<Deps, 'sessions' | 'records'>, caller: Caller, sessionId: string, registrationId: string): Promise<CandidateResult> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  assertMayReadResult(caller, planning, registrationId);
  const { session } = planning;
  const row = planning.pv?.part2.find((r) => r.registrationId === registrationId);
  if (!row?.result) throw new NotFound({ en: `no result is recorded yet for registration ${registrationId}`, fr: `aucun résultat n'est encore enregistré pour l'inscription ${registrationId}` });
  const certificate = planning.certificates.find((c) => c.registrationId === registrationId);
  const annulled = session.annulment;
  const download =
    certificate?.document && !annulled
      ? { url: await deps.records.presignDownload(certificate.document, `${certificate.kind}-${certificate.rncpCode}-${session.sessionDate}.pdf`, DOWNLOAD_SECONDS), sha256: certificate.document.sha256 }
      : undefined;
  return {
    registrationId,
    sessionId,
    sessionDate: session.sessionDate,
    timeZone: calendarOf(session).timeZone,
    candidateName: fullName(row),
    result: row.result,
    blocksValidated: annulled ? [] : row.blocksValidated,
    ...(row.reasons ? { reasons: row.reasons } : {}),
    ...(row.recommendations ? { recommendations: row.recommendations } : {}),
    standing: annulled ? 'void' : 'standing',
    ...(annulled ? { annulment: { reason: annulled.reason, decidedAt: annulled.decidedAt } } : {}),
    ...(certificate ? { certificate: { kind: certificate.kind, verificationCode: certificate.verificationCode, issuedAt: certificate.issuedAt, ...(download ? { download } : {}) } } : {}),
    ...(session.results ? { appeals: { closeAt: session.results.appealsCloseAt } } : {}),
  };
}

/** What `GET /verify/{code}` answers: what an employer needs, nothing more. */
export interface Verification {
  holder: string;
  document: 'parchemin' | 'livret';
  certification: { rncpCode: string; title: string };
  blocks: Array<{ code: string; title: string; partialCertificationCode: string }>;
  sessionDate: string;
  issuedOn: string;
  status: 'valide' | 'annulée';
  annulledOn?: string;
}

/**
 * The public verification of a diploma or booklet by its code (RETAKE-1): the holder's name, the
 * title, the blocks, the date, and whether it stands or the session was annulled (QUAL-2). Any
 * code that is not one issued is a 404 and nothing else.
 */
export async function verifyCertificate(deps: Pick<Deps, 'sessions' | 'recordsIndex'>, code: string): Promise<Verification> {
  const unknown = new NotFound({
    en: 'no diploma or booklet carries this verification code (written like 7K3Q-M9XD-2R4T)',
    fr: 'aucun parchemin ni livret ne porte ce code de vérification (de la forme 7K3Q-M9XD-2R4T)',
  });
  const normalized = normalizeVerificationCode(code);
  if (!normalized) throw unknown;
  const certificate = await deps.recordsIndex.certificateByCode(normalized);
  if (!certificate) throw unknown;
  const session = await deps.sessions.get(certificate.sessionId);
  if (!session) throw unknown;
  const { timeZone } = calendarOf(session);
  return {
    holder: certificate.holderName,
    document: certificate.kind,
    certification: { rncpCode: certificate.rncpCode, title: certificate.title },
    blocks: certificate.blocks,
    sessionDate: certificate.sessionDate,
    issuedOn: localDate(new Date(certificate.issuedAt), timeZone),
    status: session.annulment ? 'annulée' : 'valide',
    ...(session.annulment ? { annulledOn: localDate(new Date(session.annulment.decidedAt), timeZone) } : {}),
  };
}

/** The reason a session's results are not final yet, for routes that need them to be. */
export function assertResultsFinal(planning: SessionPlanning): void {
  if (!FINAL.has(planning.session.status)) {
    const { id, status } = planning.session;
    const found = violation('PV-6', { en: `session ${id}'s PV is not sealed yet (it is in ${status})`, fr: `le PV de la session ${id} n'est pas encore scellé (elle est à l'état ${status})` });
    throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
  }
}
