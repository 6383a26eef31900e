import { Conflict } from '../../../shared/domain/errors';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import type { SessionRepository, SessionWorkflow, WorkflowStatus } from '../../../shared/use-cases/sessions/ports';
import type { SessionRecord } from '../../../shared/use-cases/sessions/session-record';

/** Sessions in memory, with the same version check and audit trail as the DynamoDB adapter. */
export class InMemorySessions implements SessionRepository {
  readonly records = new Map<string, SessionRecord>();
  readonly audit: AuditEvent[] = [];

  async create(session: SessionRecord, audit: AuditEvent): Promise<void> {
    if (this.records.has(session.id)) throw new Conflict(`session ${session.id} already exists`);
    this.records.set(session.id, structuredClone(session));
    this.audit.push(audit);
  }

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    const record = this.records.get(sessionId);
    return record ? structuredClone(record) : undefined;
  }

  async update(session: SessionRecord, expectedVersion: number, audit: AuditEvent): Promise<void> {
    const current = this.records.get(session.id);
    if (!current || current.version !== expectedVersion) throw new Conflict(`session ${session.id} was changed by someone else`);
    this.records.set(session.id, structuredClone(session));
    this.audit.push(audit);
  }
}

/** A workflow that records which sessions it started. */
export class RecordingWorkflow implements SessionWorkflow {
  readonly started: string[] = [];
  failStart = false;

  async start(sessionId: string): Promise<string> {
    if (this.failStart) throw new Error('Step Functions unavailable');
    this.started.push(sessionId);
    return `arn:execution:${sessionId}`;
  }

  async describe(sessionId: string): Promise<WorkflowStatus> {
    return this.started.includes(sessionId)
      ? { executionArn: `arn:execution:${sessionId}`, status: 'RUNNING', currentStep: 'WaitForPlanning' }
      : { executionArn: `arn:execution:${sessionId}`, status: 'NOT_STARTED' };
  }
}
