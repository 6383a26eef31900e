import type { CpfPassage } from '../../domain';
import type { AuditEvent, AuditSubject } from '../audit';
import type { IncidentRecord } from '../exam-day/records';
import type { Page } from '../sessions/ports';
import type { AppealRecord, CentreStampRecord, CertificateRecord, TitleSettingsRecord } from './records';

/** A case waiting for the quality committee: an admissible appeal, or a breach or conflict routed to it (QUAL-2). */
export type OpenCase = { sessionId: string } & ({ kind: 'appeal'; appeal: AppealRecord } | { kind: 'incident'; incident: IncidentRecord });

/** The indexes the records are read by, beyond one session's partition. */
export interface RecordsIndex {
  /** The diploma or booklet carrying this verification code (one Query on an index). */
  certificateByCode(verificationCode: string): Promise<CertificateRecord | undefined>;
  /** Every diploma and booklet of a title from sessions held between two dates, inclusive (one Query on an index, paged through). */
  certifiedBetween(rncpCode: string, from: string, to: string): Promise<CertificateRecord[]>;
  /** The committee's open cases, oldest first (one Query on an index). */
  openCases(query: { limit: number; cursor?: string }): Promise<Page<OpenCase>>;
}

/** What the centres and the certifier set once: a centre's stamp, a title's settings. */
export interface SettingsStore {
  stamp(centreId: string): Promise<CentreStampRecord | undefined>;
  /** Stores a centre's stamp with its audit event (one transaction); a new stamp replaces the old for PVs not yet stamped. */
  saveStamp(stamp: CentreStampRecord, audit: AuditEvent): Promise<void>;
  titleSettings(titleCode: string): Promise<TitleSettingsRecord | undefined>;
  /** Stores a title's settings with their audit event (one transaction). */
  saveTitleSettings(settings: TitleSettingsRecord, audit: AuditEvent): Promise<void>;
}

/** The audit log, beyond the events written with a change: read, or appended to on its own. */
export interface AuditLog {
  /** Every event about one subject, oldest first. */
  eventsOf(subject: AuditSubject): Promise<AuditEvent[]>;
  /** Records an event that goes with no stored change (an export handed out). */
  append(event: AuditEvent): Promise<void>;
}

/** One file of an export archive. */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

/** An export archive as handed to its caller. */
export interface PublishedExport {
  url: string;
  size: number;
  sha256: string;
}

/** Short-lived files handed to a caller: exports, never records. */
export interface ExportFiles {
  /** Zips the files, keeps the archive for a day, and answers a download URL valid `expiresInSeconds`. */
  publishZip(key: string, files: readonly ExportFile[], fileName: string, expiresInSeconds: number): Promise<PublishedExport>;
}

/** Writes the holders' flux for the CPF information system (namespace urn:cdc:cpf:pc5:schema:1.0.0). */
export type CpfFluxWriter = (input: { fluxId: string; generatedAt: Date; certifier: { idClient: string; idContrat: string }; passages: readonly CpfPassage[] }) => string;
