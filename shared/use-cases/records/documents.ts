import type { PvResult } from '../../domain';

/** A signature as a document prints it. */
export interface PrintedSignature {
  signedAt: Date;
  /** The SHA-256 of what was signed, printed short so a reader can compare. */
  sha256: string;
}

/** The PV as a document (PV-2, PV-3, PV-4): a draft marked PROJET, or the sealed original. */
export interface PvDocument {
  draft: boolean;
  datedAt: Date;
  timeZone: string;
  part1: {
    certificationName: string;
    rncpCode: string;
    sessionDate: string;
    centreName: string;
    centreAddress: string;
    counts?: { registered: number; absent: number; admitted: number; partiallyAdmitted: number; notAdmitted: number };
  };
  part2: Array<{ name: string; result?: PvResult; blocksValidated: string[]; reasons?: string; recommendations?: string }>;
  part3: {
    jurors: Array<{ name: string; signature?: PrintedSignature }>;
    sessionManager: { name: string; signature?: PrintedSignature };
    stamp?: { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg'; appliedAt: Date };
  };
  sealedAt?: Date;
}

/** A candidate's evaluation grid as a document (DELIB-1..7). */
export interface GridDocument {
  datedAt: Date;
  timeZone: string;
  rncpCode: string;
  certificationName: string;
  sessionDate: string;
  candidateName: string;
  blocks: Array<{ code: string; title: string; competencies: Array<{ code: string; title?: string; acquired: boolean }> }>;
  blocksValidatedEarlier: string[];
  result: PvResult;
  reasons?: string;
  recommendations?: string;
  signatures: Array<{ name: string; signature: PrintedSignature }>;
}

/** A diploma ("parchemin") or a booklet of validated blocks ("livret de certification") (RETAKE-1). */
export interface CertificateDocument {
  kind: 'parchemin' | 'livret';
  datedAt: Date;
  holderName: string;
  rncpCode: string;
  certificationName: string;
  certifier: string;
  blocks: Array<{ code: string; title: string; partialCertificationCode: string }>;
  sessionDate: string;
  centreAddress: string;
  verificationCode: string;
}

/** A decision of the quality committee, filed beside the sealed records (QUAL-2). */
export interface DecisionDocument {
  datedAt: Date;
  timeZone: string;
  sessionDate: string;
  rncpCode: string;
  certificationName: string;
  outcome: 'rejected' | 'annulled';
  reason: string;
  cases: Array<{ kind: string; summary: string }>;
}

/** Renders the official papers in French, as PDF. */
export interface DocumentRenderer {
  pv(document: PvDocument): Promise<Uint8Array>;
  grid(document: GridDocument): Promise<Uint8Array>;
  certificate(document: CertificateDocument): Promise<Uint8Array>;
  decision(document: DecisionDocument): Promise<Uint8Array>;
  /** The size in pixels of an image the documents can carry (a stamp); throws when it cannot be embedded. */
  imageSize(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg'): Promise<{ width: number; height: number }>;
}

/** A record written once to the records bucket: where, which object version, the SHA-256 of its bytes, its lock. */
export interface StoredRecord {
  key: string;
  s3VersionId: string;
  sha256: string;
  contentType: string;
  size: number;
  /** The Object Lock the bucket put on this version, as S3 reports it (PV-7). */
  lock?: { mode: string; retainUntil: string };
}

/**
 * The records bucket (Object Lock, compliance mode, on AWS): a record is written once and never
 * altered (PV-7); a later fact is a new record beside it.
 */
export interface RecordsArchive {
  /** Writes a record; a `Conflict` when the key already holds one, which stays as it was. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredRecord>;
  /** The record a key holds now (its latest version, hashed), if any. */
  find(key: string): Promise<StoredRecord | undefined>;
  /** Exactly the bytes of one record version; undefined when there is no such version. */
  read(key: string, s3VersionId: string): Promise<Uint8Array | undefined>;
  /** A short-lived download URL of exactly one record version. */
  presignDownload(record: StoredRecord, fileName: string, expiresInSeconds: number): Promise<string>;
}
