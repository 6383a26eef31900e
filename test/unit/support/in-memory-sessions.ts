import { Conflict } from '../../../shared/domain/errors';
import type { SittingRecord } from '../../../shared/use-cases/exam-day/records';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import {
  StaleVersion,
  type DeliverableStore,
  type JurorRegistry,
  type Page,
  type SessionChange,
  type SessionQuery,
  type SessionStore,
  type SessionWorkflow,
  type WorkflowStatus,
} from '../../../shared/use-cases/sessions/ports';
import type {
  DeliverableVersionRecord,
  JuryDownloadRecord,
  JuryReceiptRecord,
  JurorRecord,
  RegistrationRecord,
  SessionPlanning,
  SessionRecord,
  UploadIntentRecord,
} from '../../../shared/use-cases/sessions/records';

/** Sessions in memory, with the same version check, item conditions and audit trail as the DynamoDB adapter. */
export class InMemorySessionStore implements SessionStore {
  readonly planning = new Map<string, SessionPlanning>();
  readonly audit: AuditEvent[] = [];

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    return structuredClone(this.planning.get(sessionId)?.session);
  }

  async load(sessionId: string): Promise<SessionPlanning | undefined> {
    return structuredClone(this.planning.get(sessionId));
  }

  async commit(change: SessionChange): Promise<void> {
    const current = this.planning.get(change.session.id);
    if (change.expectedVersion === 0 && current) throw new Conflict({ en: `session ${change.session.id} already exists`, fr: `la session ${change.session.id} existe déjà` });
    if (change.expectedVersion !== 0 && current?.session.version !== change.expectedVersion) {
      throw new StaleVersion({ en: `session ${change.session.id} was changed by someone else`, fr: `la session ${change.session.id} a été modifiée par quelqu'un d'autre` });
    }
    const next: SessionPlanning = structuredClone(
      current ?? { session: change.session, registrations: [], trainers: [], assignments: [], distributions: [], deliverables: [], jurySets: [], declarations: [], exams: [], grids: [], incidents: [], certificates: [], appeals: [], decisions: [] },
    );
    next.session = structuredClone(change.session);
    for (const item of change.items ?? []) {
      if (item.kind === 'registration') {
        const existing = next.registrations.find((r) => r.candidate.userId === item.record.candidate.userId);
        if (existing && item.create) throw new Conflict({ en: `candidate ${item.record.candidate.userId} is already registered`, fr: `le candidat ${item.record.candidate.userId} est déjà inscrit` });
        next.registrations = [...next.registrations.filter((r) => r.id !== item.record.id), structuredClone(item.record)];
      }
      if (item.kind === 'trainers') next.trainers = structuredClone(item.records);
      if (item.kind === 'assignment') {
        if (next.assignments.some((a) => a.jurorId === item.record.jurorId)) throw new Conflict({ en: `juror ${item.record.jurorId} already sits`, fr: `le juré ${item.record.jurorId} siège déjà` });
        next.assignments.push(structuredClone(item.record));
      }
      if (item.kind === 'unassignment') {
        if (!next.assignments.some((a) => a.jurorId === item.jurorId)) throw new Conflict({ en: `juror ${item.jurorId} does not sit`, fr: `le juré ${item.jurorId} ne siège pas` });
        next.assignments = next.assignments.filter((a) => a.jurorId !== item.jurorId);
      }
      if (item.kind === 'distribution') next.distributions.push(structuredClone(item.record));
      if (item.kind === 'deliverable') next.deliverables = [...next.deliverables.filter((d) => d.id !== item.record.id), structuredClone(item.record)];
      if (item.kind === 'jurySet') next.jurySets = [...next.jurySets.filter((j) => j.registrationId !== item.record.registrationId), structuredClone(item.record)];
      if (item.kind === 'exam') next.exams = [...next.exams.filter((e) => e.registrationId !== item.record.registrationId), structuredClone(item.record)];
      if (item.kind === 'grid') next.grids = [...next.grids.filter((g) => g.registrationId !== item.record.registrationId), structuredClone(item.record)];
      if (item.kind === 'incident') next.incidents.push(structuredClone(item.record));
      if (item.kind === 'pv') next.pv = structuredClone(item.record);
      if (item.kind === 'sitting') this.sittings.push(structuredClone(item.record));
      if (item.kind === 'declaration') {
        if (next.declarations.some((d) => d.jurorId === item.record.jurorId && d.registrationId === item.record.registrationId)) throw new Conflict({ en: 'already declared', fr: 'déjà déclaré' });
        next.declarations.push(structuredClone(item.record));
      }
    }
    this.planning.set(change.session.id, next);
    this.audit.push(change.audit, ...(change.events ?? []));
  }

  async listByCentre(centreId: string, query: SessionQuery): Promise<Page<SessionRecord>> {
    return { items: [...this.planning.values()].map((p) => p.session).filter((s) => s.centreId === centreId && (!query.status || s.status === query.status)) };
  }

  async listForJuror(jurorId: string): Promise<Page<SessionRecord>> {
    return { items: [...this.planning.values()].filter((p) => p.assignments.some((a) => a.jurorId === jurorId)).map((p) => p.session) };
  }

  readonly receipts: JuryReceiptRecord[] = [];
  readonly sittings: SittingRecord[] = [];

  async sittingsOf(userId: string): Promise<SittingRecord[]> {
    return structuredClone(this.sittings.filter((s) => s.userId === userId).sort((a, b) => a.sessionDate.localeCompare(b.sessionDate)));
  }

  async recordDownload(download: JuryDownloadRecord, audit: AuditEvent): Promise<void> {
    const existing = this.receipts.find((r) => r.jurorId === download.jurorId && r.versionId === download.versionId);
    if (existing) Object.assign(existing, { lastDownloadedAt: download.at, downloads: existing.downloads + 1 });
    else {
      const { sessionId: _session, at, ...rest } = download;
      this.receipts.push({ ...rest, firstDownloadedAt: at, lastDownloadedAt: at, downloads: 1 });
    }
    this.audit.push(audit);
  }

  async downloadsOf(): Promise<JuryReceiptRecord[]> {
    return structuredClone(this.receipts);
  }

  /** Adds a received version to its session, as the deliverable store's transaction does (in the session's partition, bumping its version). */
  addVersion(version: DeliverableVersionRecord): void {
    const planning = this.planning.get(version.sessionId);
    if (!planning) throw new Conflict({ en: `session ${version.sessionId} does not exist`, fr: `la session ${version.sessionId} n'existe pas` });
    if (planning.deliverables.some((d) => d.id === version.id)) throw new Conflict({ en: `version ${version.id} is already recorded`, fr: `la version ${version.id} est déjà enregistrée` });
    const numbered = planning.deliverables.filter((d) => d.registrationId === version.registrationId && d.deliverableType === version.deliverableType).length;
    if (version.version !== numbered + 1) throw new StaleVersion({ en: 'another version was numbered meanwhile', fr: 'une autre version a été numérotée entre-temps' });
    planning.deliverables.push(structuredClone(version));
    planning.session.version += 1;
  }

  async jurorSitsInCentre(jurorId: string, centreId: string): Promise<boolean> {
    return [...this.planning.values()].some((p) => p.session.centreId === centreId && p.assignments.some((a) => a.jurorId === jurorId));
  }

  async getMany(sessionIds: readonly string[]): Promise<SessionRecord[]> {
    return sessionIds.flatMap((id) => (this.planning.has(id) ? [structuredClone(this.planning.get(id)!.session)] : []));
  }

  async registrationsOfCandidate(userId: string): Promise<RegistrationRecord[]> {
    return [...this.planning.values()].flatMap((p) => p.registrations).filter((r) => r.candidate.userId === userId);
  }
}

/** Upload intents in memory; versions go into the session store's planning, as in DynamoDB. */
export class InMemoryDeliverables implements DeliverableStore {
  readonly intents = new Map<string, UploadIntentRecord>();
  readonly audit: AuditEvent[] = [];

  constructor(private readonly sessions: InMemorySessionStore) {}

  async saveIntent(intent: UploadIntentRecord, audit: AuditEvent) {
    if (this.intents.has(intent.id)) throw new Conflict({ en: `upload ${intent.id} exists`, fr: `le dépôt ${intent.id} existe` });
    this.intents.set(intent.id, structuredClone(intent));
    this.audit.push(audit);
  }

  async getIntent(uploadId: string) {
    return structuredClone(this.intents.get(uploadId));
  }

  async recordVersion(version: DeliverableVersionRecord, audit: AuditEvent) {
    this.sessions.addVersion(version);
    this.audit.push(audit);
  }

  /** Every version recorded, all sessions. */
  versions(): DeliverableVersionRecord[] {
    return [...this.sessions.planning.values()].flatMap((p) => p.deliverables);
  }
}

/** The juror registry in memory. */
export class InMemoryJurors implements JurorRegistry {
  readonly records = new Map<string, JurorRecord>();
  readonly audit: AuditEvent[] = [];

  async get(jurorId: string) {
    return structuredClone(this.records.get(jurorId));
  }

  async getMany(jurorIds: readonly string[]) {
    return jurorIds.flatMap((id) => (this.records.has(id) ? [structuredClone(this.records.get(id)!)] : []));
  }

  async save(juror: JurorRecord, audit: AuditEvent, previous?: JurorRecord) {
    const expectedVersion = previous?.version ?? 0;
    const current = this.records.get(juror.id);
    if ((expectedVersion === 0 && current) || (expectedVersion !== 0 && current?.version !== expectedVersion)) throw new Conflict({ en: 'juror changed', fr: 'le juré a changé' });
    if (expectedVersion === 0 && [...this.records.values()].some((j) => j.email.toLowerCase() === juror.email.toLowerCase())) throw new Conflict({ en: 'e-mail taken', fr: 'adresse e-mail déjà utilisée' });
    this.records.set(juror.id, structuredClone(juror));
    this.audit.push(audit);
  }

  async findByUserId(userId: string) {
    return [...this.records.values()].find((j) => j.userId === userId);
  }

  async findByEmails(emails: readonly string[]) {
    const wanted = new Set(emails.map((email) => email.toLowerCase()));
    return [...this.records.values()].filter((j) => wanted.has(j.email.toLowerCase())).map((j) => structuredClone(j));
  }
}

/** A workflow that records which sessions it started and which steps it completed. */
export class RecordingWorkflow implements SessionWorkflow {
  readonly started: string[] = [];
  readonly completed: Array<{ taskToken: string; output: Record<string, unknown> }> = [];
  /** Makes the next starts fail, as an unavailable Step Functions would. */
  failStarts = 0;

  async start(sessionId: string): Promise<string> {
    if (this.failStarts-- > 0) throw new Error('Step Functions unavailable');
    this.started.push(sessionId);
    return `arn:execution:${sessionId}`;
  }

  async describe(sessionId: string): Promise<WorkflowStatus> {
    return this.started.includes(sessionId)
      ? { executionArn: `arn:execution:${sessionId}`, status: 'RUNNING', currentStep: 'WaitForPlanning' }
      : { executionArn: `arn:execution:${sessionId}`, status: 'NOT_STARTED' };
  }

  async history(executionArn: string): Promise<unknown[]> {
    return [{ id: 1, type: 'ExecutionStarted', executionArn }];
  }

  async completeStep(taskToken: string, output: Record<string, unknown>): Promise<void> {
    this.completed.push({ taskToken, output });
  }

  /** The sessions started and not ended (see `ended`). */
  async running(): Promise<string[]> {
    return this.started.filter((sessionId) => !this.ended.has(sessionId));
  }

  /** Sessions whose execution ended, as a test sets them. */
  readonly ended = new Set<string>();
}

/** In-memory ports and a fixed clock, for use-case tests. */
export function inMemoryDeps(now = new Date('2027-01-10T09:00:00Z')) {
  let ids = 0;
  const sessions = new InMemorySessionStore();
  const jurors = new InMemoryJurors();
  const workflow = new RecordingWorkflow();
  let current = now;
  return {
    deps: { sessions, jurors, workflow, now: () => current, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` },
    sessions,
    jurors,
    workflow,
    setNow(date: Date) {
      current = date;
    },
  };
}
