import { logger } from '../../observability/logger';
import type { AuditEvent } from '../audit';
import type { Actor } from '../caller';
import type { Deps } from '../deps';
import { uuidFrom } from '../ids';
import { assignedJurors } from '../sessions/planning-reads';
import type { JurorRecord } from '../sessions/records';
import { mayNotify, notificationsFor } from './messages';
import type { DeliveryKey, MailMessage } from './ports';

/** What notifying needs: the session and its jurors to write the messages, the mailer, the record of what was sent. */
export type NotifyDeps = Pick<Deps, 'sessions' | 'jurors' | 'mailer' | 'sentMail' | 'now' | 'newId'>;

/** The actor of the audit events that record a notification sent. */
export const NOTIFIER_ACTOR: Actor = { id: 'notifications', roles: [] };

/** How long a claim on a delivery holds: longer than one send with its retries, shorter than the function's timeout. */
export const DELIVERY_LEASE_SECONDS = 30;

/** How long the record of a delivery is kept (the table's TTL): far beyond the stream's 24 hours and its retries. */
export const DELIVERY_RECORD_DAYS = 30;

/** Another invocation holds the delivery and neither sent it nor gave it up within the wait: the record is retried later. */
export class DeliveryInFlight extends Error {
  constructor(key: DeliveryKey, leaseUntil: Date) {
    super(`the notification of event ${key.sourceEventId} to ${key.recipient.role} ${key.recipient.id} is being sent by another invocation until ${leaseUntil.toISOString()}`);
    this.name = 'DeliveryInFlight';
  }
}

/** How one audit event was handled: messages sent now, and messages found sent already. */
export interface NotifyOutcome {
  sent: number;
  alreadySent: number;
}

/** Options of {@link notifyOf}: how to wait for a lease held by another invocation, and for how long. */
export interface NotifyOptions {
  sleep?: (ms: number) => Promise<void>;
  /** The longest wait for another invocation's lease to lapse before giving the record back to be retried. */
  maxWaitMs?: number;
}

const JUROR_ACTIONS = new Set(['deliverables.frozen', 'grid.filled', 'workflow.waiting']);

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function deliveryKey(event: AuditEvent, message: MailMessage): DeliveryKey {
  return { sourceEventId: event.eventId, recipient: message.recipient };
}

/** Sends one message once per (event, recipient): claimed, sent, confirmed (see {@link notifyOf}). */
async function deliver(deps: NotifyDeps, event: AuditEvent, message: MailMessage, options: Required<NotifyOptions>): Promise<'sent' | 'already-sent'> {
  const key = deliveryKey(event, message);
  const claimant = deps.newId();
  const deadline = deps.now().getTime() + options.maxWaitMs;
  for (;;) {
    const now = deps.now();
    const claim = await deps.sentMail.claim(key, claimant, new Date(now.getTime() + DELIVERY_LEASE_SECONDS * 1000), new Date(now.getTime() + DELIVERY_RECORD_DAYS * 86_400_000), now);
    if (claim.state === 'sent') return 'already-sent';
    if (claim.state === 'in-flight') {
      if (claim.leaseUntil.getTime() > deadline) throw new DeliveryInFlight(key, claim.leaseUntil);
      await options.sleep(Math.max(0, claim.leaseUntil.getTime() - now.getTime()) + 50);
      continue;
    }
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send({ ...message, id: uuidFrom(`notification|${event.eventId}|${message.recipient.role}|${message.recipient.id}`), sourceEventId: event.eventId, date: deps.now() }));
    } catch (error) {
      await deps.sentMail.release(key, claimant).catch((released: Error) => logger.warn('claim not released after a failed send', { sourceEventId: event.eventId, error: released.message }));
      throw error;
    }
    const at = deps.now().toISOString();
    await deps.sentMail.confirm(key, claimant, { messageId, at }, {
      subject: event.subject,
      at,
      eventId: deps.newId(),
      actor: NOTIFIER_ACTOR,
      action: 'notification.sent',
      details: { sourceEventId: event.eventId, sourceAction: event.action, kind: message.kind, recipient: message.recipient, messageId },
    });
    return 'sent';
  }
}

/**
 * Notifies the people an audit event concerns: the session as it stands now gives the messages
 * ({@link notificationsFor}), each sent once per (event, recipient) however often the event is
 * delivered. An event that notifies nobody reads nothing. Throws when a message could not be
 * sent, after the messages before it were: the event is retried, and those are not sent again.
 * Each delivery is claimed by a conditional put before sending and confirmed after, with its
 * audit event, so a redelivered record finds it sent and sends nothing, a failed send gives the
 * claim back for the retry to send, and only a crash between SES accepting the message and the
 * confirmation sends it again once the lease lapses: delivery is at least once, not at most once,
 * because a lost refusal or reminder costs a person more than a duplicate e-mail does.
 */
export async function notifyOf(deps: NotifyDeps, event: AuditEvent, options: NotifyOptions = {}): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { sent: 0, alreadySent: 0 };
  if (!mayNotify(event)) return outcome;
  const planning = await deps.sessions.load(event.subject.id);
  if (!planning) {
    logger.warn('audit event of a session that no longer exists: nobody notified', { sourceEventId: event.eventId, sessionId: event.subject.id });
    return outcome;
  }
  const jurors: JurorRecord[] = JUROR_ACTIONS.has(event.action) && planning.assignments.length > 0 ? await assignedJurors(deps.jurors, planning) : [];
  const settings: Required<NotifyOptions> = { sleep: options.sleep ?? wait, maxWaitMs: options.maxWaitMs ?? (DELIVERY_LEASE_SECONDS + 5) * 1000 };
  for (const message of notificationsFor(event, { planning, jurors })) {
    const result = await deliver(deps, event, message, settings);
    outcome[result === 'sent' ? 'sent' : 'alreadySent'] += 1;
    logger.info(result === 'sent' ? 'notification sent' : 'notification already sent', { sourceEventId: event.eventId, action: event.action, kind: message.kind, recipient: message.recipient });
  }
  return outcome;
}
