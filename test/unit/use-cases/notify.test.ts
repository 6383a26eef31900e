import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { violation } from '../../../shared/domain';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import { DeliveryInFlight, notifyOf, type NotifyDeps } from '../../../shared/use-cases/notifications/notify';
import type { ClaimResult, DeliveryKey, Mailer, OutgoingMail, SentMailLog } from '../../../shared/use-cases/notifications/ports';
import type { SessionPlanning } from '../../../shared/use-cases/sessions/records';
import { InMemoryJurors, InMemorySessionStore } from '../support/in-memory-sessions';
import { planningOf } from '../support/planning';

/** The delivery records as the DynamoDB adapter keeps them: a conditional claim, a confirmation by its claimant, a release. */
class InMemorySentMailLog implements SentMailLog {
  readonly items = new Map<string, { state: 'sending' | 'sent'; claimant: string; leaseUntil?: Date; messageId?: string }>();
  readonly audit: AuditEvent[] = [];

  private key(key: DeliveryKey): string {
    return `${key.sourceEventId}|${key.recipient.role}|${key.recipient.id}`;
  }

  async claim(key: DeliveryKey, claimant: string, leaseUntil: Date, _keepUntil: Date, now: Date): Promise<ClaimResult> {
    const item = this.items.get(this.key(key));
    if (item?.state === 'sent') return { state: 'sent', messageId: item.messageId! };
    if (item && item.leaseUntil! >= now) return { state: 'in-flight', leaseUntil: item.leaseUntil! };
    this.items.set(this.key(key), { state: 'sending', claimant, leaseUntil });
    return { state: 'claimed' };
  }

  async confirm(key: DeliveryKey, claimant: string, sent: { messageId: string }, audit: AuditEvent): Promise<void> {
    const item = this.items.get(this.key(key));
    if (item?.claimant !== claimant || item.state !== 'sending') return;
    this.items.set(this.key(key), { state: 'sent', claimant, messageId: sent.messageId });
    this.audit.push(audit);
  }

  async release(key: DeliveryKey, claimant: string): Promise<void> {
    if (this.items.get(this.key(key))?.claimant === claimant) this.items.delete(this.key(key));
  }
}

/** A mailer that records what it sends, and fails the sends it is told to: the next ones, or those to some addresses. */
class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  readonly failFor = new Set<string>();
  failNext = 0;

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (this.failNext-- > 0) throw new Error('SES throttled the request');
    if (this.failFor.has(mail.to)) throw new Error('SES unavailable');
    this.sent.push(mail);
    return { messageId: `ses-${this.sent.length}` };
  }
}

const SESSION_ID = 'session-1';

function seed(sessions: InMemorySessionStore): void {
  const planning: SessionPlanning = planningOf(
    {
      id: SESSION_ID,
      titleCode: 'RNCP34757',
      sessionDate: '2027-06-15',
      timeZone: 'Europe/Paris',
      startTime: '09:00',
      centreId: 'centre-1',
      address: 'Lyon',
      remote: false,
      status: 'intake',
      intake: { closesAt: '2027-06-09T22:00:00.000Z' },
      createdAt: '2027-03-01T08:00:00.000Z',
      createdBy: 'manager-1',
      updatedAt: '2027-03-01T08:00:00.000Z',
      version: 3,
    },
    {
      registrations: ['Chloé', 'Noah'].map((firstName, n) => ({
        id: `reg-${n}`,
        sessionId: SESSION_ID,
        candidate: { userId: `user-${n}`, firstName, lastName: 'Martin', email: `${firstName.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@example.org` },
        attempt: 'first' as const,
        previouslyValidatedBlocks: [],
        newTraining: false,
        registeredAt: '2027-03-01T08:00:00.000Z',
        registeredBy: 'manager-1',
      })),
      deliverables: [0, 1].map((n) => ({
        id: `version-${n}`,
        uploadId: `upload-${n}`,
        sessionId: SESSION_ID,
        registrationId: `reg-${n}`,
        deliverableType: 'project-report',
        key: `uploads/${n}.pdf`,
        s3VersionId: `s3-${n}`,
        sha256: 'cd'.repeat(32),
        uploadedBy: `user-${n}`,
        uploadedAs: 'candidate' as const,
        receivedAt: '2027-06-01T14:03:00.000Z',
        sizeBytes: 1000,
        pages: n === 0 ? 12 : 24,
        version: 1,
        status: n === 0 ? ('refused' as const) : ('accepted' as const),
        violations: n === 0 ? [violation('DELIV-2', { en: 'the project report has 12 pages; 20 to 30 are required', fr: 'le rapport du projet compte 12 pages ; il en faut de 20 à 30' })] : [],
        late: false,
      })),
    },
  );
  sessions.planning.set(SESSION_ID, planning);
}

function received(n: number): AuditEvent {
  return { subject: { type: 'session', id: SESSION_ID }, at: '2027-06-01T14:03:01.000Z', eventId: `event-${n}`, actor: { id: 'workflow', roles: [] }, action: 'deliverable.received', details: { versionId: `version-${n}` } };
}

function harness() {
  const sessions = new InMemorySessionStore();
  seed(sessions);
  const mailer = new RecordingMailer();
  const sentMail = new InMemorySentMailLog();
  let now = new Date('2027-06-01T14:03:02.000Z');
  let ids = 0;
  const deps: NotifyDeps = { sessions, jurors: new InMemoryJurors(), mailer, sentMail, now: () => now, newId: () => `id-${++ids}` };
  return { deps, sessions, mailer, sentMail, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('notifications are sent once per audit event and recipient, however often the event is delivered', () => {
  it('DELIV-2: a record delivered twice sends once, and the message sent is recorded with its audit event', async () => {
    const { deps, mailer, sentMail } = harness();
    expect(await notifyOf(deps, received(0))).toEqual({ sent: 1, alreadySent: 0 });
    expect(await notifyOf(deps, received(0))).toEqual({ sent: 0, alreadySent: 1 });
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([['chloe@example.org', "Dépôt refusé : Rapport du projet chef d'œuvre"]]);
    expect(sentMail.audit).toEqual([
      expect.objectContaining({
        subject: { type: 'session', id: SESSION_ID },
        actor: { id: 'notifications', roles: [] },
        action: 'notification.sent',
        details: { sourceEventId: 'event-0', sourceAction: 'deliverable.received', kind: 'deliverable-refused', recipient: { role: 'candidate', id: 'reg-0' }, messageId: 'ses-1' },
      }),
    ]);
  });

  it('gives the message a stable id: the same on every attempt, so that its Message-ID never changes', async () => {
    const first = harness();
    const second = harness();
    await notifyOf(first.deps, received(1));
    await notifyOf(second.deps, received(1));
    expect(first.mailer.sent[0]!.id).toBe(second.mailer.sent[0]!.id);
    expect(first.mailer.sent[0]!.sourceEventId).toBe('event-1');
  });

  it('a failed send gives its claim back and throws: the retry sends the message, once', async () => {
    const { deps, mailer, sentMail } = harness();
    mailer.failNext = 1;
    await expect(notifyOf(deps, received(1))).rejects.toThrow('SES throttled the request');
    expect(sentMail.items.size).toBe(0);
    expect(await notifyOf(deps, received(1))).toEqual({ sent: 1, alreadySent: 0 });
    expect(await notifyOf(deps, received(1))).toEqual({ sent: 0, alreadySent: 1 });
    expect(mailer.sent).toHaveLength(1);
  });

  it('a claim left by an invocation that died before confirming is waited for, then taken over once its lease lapsed', async () => {
    const { deps, mailer, sentMail, advance } = harness();
    await sentMail.claim({ sourceEventId: 'event-1', recipient: { role: 'candidate', id: 'reg-1' } }, 'dead-invocation', new Date(deps.now().getTime() + 20_000), new Date('2027-07-01'), deps.now());
    const waits: number[] = [];
    const sleep = vi.fn(async (ms: number) => {
      waits.push(ms);
      advance(ms);
    });
    expect(await notifyOf(deps, received(1), { sleep })).toEqual({ sent: 1, alreadySent: 0 });
    expect(waits).toEqual([20_050]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('a lease that outlasts the wait leaves the record to be retried, and sends nothing', async () => {
    const { deps, mailer, sentMail } = harness();
    await sentMail.claim({ sourceEventId: 'event-1', recipient: { role: 'candidate', id: 'reg-1' } }, 'other-invocation', new Date(deps.now().getTime() + 60_000), new Date('2027-07-01'), deps.now());
    await expect(notifyOf(deps, received(1), { sleep: async () => undefined, maxWaitMs: 1_000 })).rejects.toBeInstanceOf(DeliveryInFlight);
    expect(mailer.sent).toEqual([]);
  });

  it('an event that notifies nobody reads nothing and sends nothing', async () => {
    const { deps, mailer, sessions } = harness();
    const load = vi.spyOn(sessions, 'load');
    expect(await notifyOf(deps, { ...received(0), action: 'deliverable.downloaded' })).toEqual({ sent: 0, alreadySent: 0 });
    expect(load).not.toHaveBeenCalled();
    expect(mailer.sent).toEqual([]);
  });
});

const ports = vi.hoisted(() => ({ current: undefined as undefined | NotifyDeps }));

vi.mock('../../../shared/adapters/ports/dynamodb', () => ({ sessions: () => ports.current!.sessions, jurors: () => ports.current!.jurors }));
vi.mock('../../../shared/adapters/ports/mail', () => ({ mailer: () => ports.current!.mailer, sentMail: () => ports.current!.sentMail }));

function streamEvent(events: AuditEvent[]): DynamoDBStreamEvent {
  return {
    Records: events.map((audit, n) => ({
      eventID: `record-${n}`,
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        SequenceNumber: String(100 + n),
        NewImage: marshall({ PK: `AUDIT#SESSION#${SESSION_ID}`, SK: `${audit.at}#${audit.eventId}`, entity: 'AuditEvent', ...audit }) as never,
        StreamViewType: 'NEW_IMAGE',
      },
    })),
  };
}

describe('the notify handler, on the audit log stream', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
    ports.current = h.deps;
  });

  it('a batch delivered twice sends each message once', async () => {
    const { handler } = await import('../../../functions/events/notify.handler');
    const batch = streamEvent([received(0), received(1)]);
    expect(await handler(batch, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(await handler(batch, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(h.mailer.sent.map((m) => m.kind)).toEqual(['deliverable-refused', 'deliverable-accepted']);
  });

  it('reports the first record that failed, so the mapping retries from it; the retry sends only what was not sent', async () => {
    const { handler } = await import('../../../functions/events/notify.handler');
    const batch = streamEvent([received(0), received(1)]);
    h.mailer.failFor.add('noah@example.org');
    expect(await handler(batch, {} as Context)).toEqual({ batchItemFailures: [{ itemIdentifier: '101' }] });
    h.mailer.failFor.clear();
    expect(await handler({ Records: batch.Records.slice(1) }, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(await handler(batch, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(h.mailer.sent.map((m) => m.kind)).toEqual(['deliverable-refused', 'deliverable-accepted']);
  });

  it('ignores records that add no audit event', async () => {
    const { handler } = await import('../../../functions/events/notify.handler');
    const modify = { Records: [{ ...streamEvent([received(0)]).Records[0]!, eventName: 'MODIFY' as const }] };
    expect(await handler(modify, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(h.mailer.sent).toEqual([]);
  });
});
