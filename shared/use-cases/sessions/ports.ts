import type { AuditEvent } from '../audit';
import type { SessionRecord } from './session-record';

/** Persistence of sessions; every write carries its audit event in one transaction. */
export interface SessionRepository {
  /** Writes a new session; throws `Conflict` when the id exists. */
  create(session: SessionRecord, audit: AuditEvent): Promise<void>;
  /** Reads a session, or undefined. */
  get(sessionId: string): Promise<SessionRecord | undefined>;
  /**
   * Replaces a session when its stored version is `expectedVersion`; throws `Conflict`
   * otherwise. The new record's version must be `expectedVersion + 1`.
   */
  update(session: SessionRecord, expectedVersion: number, audit: AuditEvent): Promise<void>;
}

/** The workflow status of a session, read from its execution. */
export interface WorkflowStatus {
  executionArn: string;
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, or NOT_STARTED when no execution exists. */
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
  /** The execution's status; `NOT_STARTED` when there is none. */
  describe(sessionId: string): Promise<WorkflowStatus>;
}
