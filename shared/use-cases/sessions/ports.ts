import { Conflict } from '../../domain/errors';
import type { ExamRecord, GridRecord, IncidentRecord, PvRecord, SittingRecord } from '../exam-day/records';
import type { AuditEvent } from '../audit';
import type { AppealRecord, CertificateRecord, DecisionRecord } from '../records/records';
import type {
  AssignmentRecord,
  ConflictDeclarationRecord,
  DeliverableVersionRecord,
  JuryDownloadRecord,
  JuryReceiptRecord,
  JurySetRecord,
  UploadIntentRecord,
  DistributionRecordItem,
  JurorRecord,
  RegistrationRecord,
  SessionPlanning,
  SessionRecord,
  SessionStatus,
  TrainerRecord,
} from './records';

/** A write lost the race: the stored version is not the one the writer read (HTTP 409). */
export class StaleVersion extends Conflict {}

/** A planning item written with a session change. */
export type PlanningItem =
  | { kind: 'registration'; record: RegistrationRecord; create?: boolean }
  | { kind: 'trainers'; records: TrainerRecord[] }
  | { kind: 'assignment'; record: AssignmentRecord }
  | { kind: 'unassignment'; jurorId: string }
  | { kind: 'distribution'; record: DistributionRecordItem }
  | { kind: 'deliverable'; record: DeliverableVersionRecord }
  | { kind: 'jurySet'; record: JurySetRecord }
  | { kind: 'declaration'; record: ConflictDeclarationRecord }
  | { kind: 'exam'; record: ExamRecord }
  | { kind: 'grid'; record: GridRecord }
  | { kind: 'incident'; record: IncidentRecord; update?: boolean }
  | { kind: 'pv'; record: PvRecord }
  | { kind: 'sitting'; record: SittingRecord }
  | { kind: 'certificate'; record: CertificateRecord }
  | { kind: 'appeal'; record: AppealRecord; create?: boolean }
  | { kind: 'decision'; record: DecisionRecord; create?: boolean };

/**
 * One change to a session, applied atomically: the session's new state (its version one
 * above `expectedVersion`, or a new session when `expectedVersion` is 0), the planning items
 * it adds or replaces, and its audit event (and any further ones).
 */
export interface SessionChange {
  session: SessionRecord;
  expectedVersion: number;
  items?: PlanningItem[];
  audit: AuditEvent;
  /** Further audit events written in the same transaction (an import writes one per row). */
  events?: AuditEvent[];
}

/** A page of results and the cursor of the next one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Filters of a session listing. */
export interface SessionQuery {
  status?: SessionStatus;
  /** Sessions on or after this date. */
  from?: string;
  /** Sessions on or before this date. */
  to?: string;
  limit: number;
  cursor?: string;
}

/** Sessions and their planning data. */
export interface SessionStore {
  /** The session alone (one GetItem). */
  get(sessionId: string): Promise<SessionRecord | undefined>;
  /** The session with every planning item (one Query on its partition). */
  load(sessionId: string): Promise<SessionPlanning | undefined>;
  /**
   * Applies a change in one transaction; throws `Conflict` when the stored version is not
   * `expectedVersion` (or the session exists, for a new one) or an added item exists already.
   */
  commit(change: SessionChange): Promise<void>;
  /** A centre's sessions by date, optionally of one status (one Query on an index). */
  listByCentre(centreId: string, query: SessionQuery): Promise<Page<SessionRecord>>;
  /**
   * The sessions a juror sits on, filtered by date and status after reading them (one Query on
   * an index, then one BatchGet): the assignment does not copy the session date, which may change.
   */
  listForJuror(jurorId: string, query: SessionQuery): Promise<Page<SessionRecord>>;
  /** Whether the juror sits, or sat, on a session of this centre (one Query on an index, filtered). */
  jurorSitsInCentre(jurorId: string, centreId: string): Promise<boolean>;
  /** Several sessions at once (one BatchGetItem); unknown ids are left out. */
  getMany(sessionIds: readonly string[]): Promise<SessionRecord[]>;
  /** A person's sittings in the results ledger, oldest first (one Query on their partition). */
  sittingsOf(userId: string): Promise<SittingRecord[]>;
  /** A candidate user's registrations (one Query on an index). */
  registrationsOfCandidate(userId: string): Promise<RegistrationRecord[]>;
  /**
   * Records that a juror was handed a file of the jury set, with its audit event, in one
   * transaction: the receipt keeps the first and last download and their count (JURY-7).
   */
  recordDownload(download: JuryDownloadRecord, audit: AuditEvent): Promise<void>;
  /** Every juror's receipts of the session's jury set (one Query on the session's receipts partition). */
  downloadsOf(sessionId: string): Promise<JuryReceiptRecord[]>;
}

/** Upload intents and received deliverable versions. */
export interface DeliverableStore {
  /** Stores an upload intent with its audit event (one TransactWriteItems). */
  saveIntent(intent: UploadIntentRecord, audit: AuditEvent): Promise<void>;
  /** The intent behind an uploaded key, if any (one GetItem). */
  getIntent(uploadId: string): Promise<UploadIntentRecord | undefined>;
  /**
   * Records a received version with its audit event in one transaction, and bumps the session's
   * version so that a concurrent freeze reads it. Versions of one deliverable are numbered
   * without gaps: `version` must be one above the count seen, or the write fails with
   * `StaleVersion` and the caller re-reads. A version id already recorded is a `Conflict`.
   */
  recordVersion(version: DeliverableVersionRecord, audit: AuditEvent): Promise<void>;
}

/** The registry of jurors and their habilitations. */
export interface JurorRegistry {
  get(jurorId: string): Promise<JurorRecord | undefined>;
  /** Several jurors at once (one BatchGetItem); unknown ids are left out. */
  getMany(jurorIds: readonly string[]): Promise<JurorRecord[]>;
  /**
   * Writes a juror with its audit event: new, or replacing `previous` (the record read, whose
   * version must still be the stored one). An e-mail and an account (`userId`) belong to one
   * registry juror at most: taking one already taken is a `Conflict`; an account the juror
   * leaves is released.
   */
  save(juror: JurorRecord, audit: AuditEvent, previous?: JurorRecord): Promise<void>;
  /** The juror whose account is this user, if any (one Query on an index). */
  findByUserId(userId: string): Promise<JurorRecord | undefined>;
  /** The jurors whose e-mails these are, compared without case; unknown e-mails are left out (a BatchGetItem on the e-mail guards, then one on the jurors, per 100). */
  findByEmails(emails: readonly string[]): Promise<JurorRecord[]>;
}

/** The workflow status of a session, read from its execution. */
export interface WorkflowStatus {
  executionArn: string;
  /**
   * RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED; NOT_STARTED when no execution exists;
   * UNAVAILABLE when the workflow service could not answer just now (throttled or failing):
   * the session is still read from its record, which holds what it waits for.
   */
  status: string;
  /** The state the execution is in or last entered, e.g. `WaitForPlanning`. */
  currentStep?: string;
  startedAt?: string;
  stoppedAt?: string;
}

/** The session lifecycle state machine. */
export interface SessionWorkflow {
  /** Starts the session's execution, named after the session; idempotent for the same session. */
  start(sessionId: string): Promise<string>;
  /** The execution's status; `NOT_STARTED` when there is none, `UNAVAILABLE` when the service cannot say now. */
  describe(sessionId: string): Promise<WorkflowStatus>;
  /** Every event of an execution's history, oldest first, with its data. */
  history(executionArn: string): Promise<unknown[]>;
  /** Completes the human step waiting on this token with an output. */
  completeStep(taskToken: string, output: Record<string, unknown>): Promise<void>;
  /** The ids of the sessions whose execution is running: the open sessions, each execution being named after its session. */
  running(): Promise<string[]>;
}
