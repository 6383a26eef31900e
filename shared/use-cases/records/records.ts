import type { CertifiedBlock, Violation } from '../../domain';
import type { StoredRecord } from './documents';

/** A signature of part 3 (PV-4): who, when, and the SHA-256 of the exact draft PDF they read and signed. */
export interface PvSignatureRecord {
  /** The signatory's id on the PV: a juror's registry id, or the session manager's account id. */
  signerId: string;
  role: 'juror' | 'session-manager';
  /** The account that signed, as the identity provider vouched for it. */
  userId: string;
  signedAt: string;
  sha256: string;
  method: 'electronic';
}

/** The centre's stamp as applied to one PV (PV-4). */
export interface PvStampRecord {
  appliedAt: string;
  appliedBy: string;
  image: StoredRecord;
  imageContentType: 'image/png' | 'image/jpeg';
}

/**
 * The seal of a PV (PV-6, PV-7): begun at `at` (which dates the sealed documents, so a retry writes
 * the same bytes), then complete once the PV and every grid are in the records bucket.
 */
export interface PvSealRecord {
  at: string;
  by: string;
  /** The draft every signature attests. */
  signedDraftSha256: string;
  pv?: StoredRecord;
  grids?: Array<{ registrationId: string; document: StoredRecord }>;
  completedAt?: string;
}

/** A centre's stamp image, uploaded by its managers, kept in the records bucket (PV-4). */
export interface CentreStampRecord {
  centreId: string;
  image: StoredRecord;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  uploadedAt: string;
  uploadedBy: string;
}

/** What the certifier sets per title: the appeal window (QUAL-1) and the CPF contract (the holders' export). */
export interface TitleSettingsRecord {
  titleCode: string;
  /** Months after the results are released during which a candidate may appeal. */
  appealWindowMonths: number;
  cpf?: { idClient: string; idContrat: string };
  updatedAt: string;
  updatedBy: string;
}

/** A diploma or a booklet issued to a candidate at the release of the results (RETAKE-1). */
export interface CertificateRecord {
  sessionId: string;
  registrationId: string;
  userId: string;
  kind: 'parchemin' | 'livret';
  verificationCode: string;
  holderName: string;
  rncpCode: string;
  title: string;
  /** Every block the holder has validated (the booklet lists them), earlier sessions included. */
  blocks: CertifiedBlock[];
  /** The blocks validated in this session: what the CPF export reports for it. */
  blocksValidatedNow: string[];
  sessionDate: string;
  issuedAt: string;
  /** The PDF, once written to the records bucket. */
  document?: StoredRecord;
}

/** A candidate's appeal against their session (QUAL-1), and what became of it (QUAL-2). */
export interface AppealRecord {
  id: string;
  sessionId: string;
  registrationId: string;
  userId: string;
  ground: string;
  statement: string;
  filedAt: string;
  /** `inadmissible` is answered at once with why; `open` waits for the committee. */
  status: 'inadmissible' | 'open' | 'rejected' | 'upheld';
  why?: Violation[];
  /** The last instant an appeal could be filed, when the results were released. */
  windowClosesAt?: string;
  decisionId?: string;
}

/** A ruling of the quality committee on a session's appeals and reported breaches (QUAL-2). */
export interface DecisionRecord {
  id: string;
  sessionId: string;
  caseIds: string[];
  outcome: 'rejected' | 'annulled';
  reason: string;
  decidedAt: string;
  decidedBy: string;
  /** The dated decision, written beside the sealed records. */
  document?: StoredRecord;
}
