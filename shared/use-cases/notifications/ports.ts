import type { AuditEvent } from '../audit';

/** Who a message is for, as the session knows them: a registered candidate or a registry juror. */
export interface Recipient {
  role: 'candidate' | 'juror';
  /** The registration id of a candidate, the registry id of a juror. */
  id: string;
}

/** What a notification kind is about, for the audit trail and the message's headers. */
export type NotificationKind =
  | 'deliverable-accepted'
  | 'deliverable-refused'
  | 'dossier-ready'
  | 'declaration-awaited'
  | 'grid-signature-awaited'
  | 'pv-signature-awaited'
  | 'results-released'
  | 'appeal-answered';

/** One e-mail to one person, in French, derived from one audit event. */
export interface MailMessage {
  kind: NotificationKind;
  recipient: Recipient;
  /** The recipient's address, as registered. */
  to: string;
  /** The recipient's name, for the `To` header. */
  toName: string;
  subject: string;
  text: string;
  html?: string;
}

/** An e-mail ready to leave: the message, the audit event it comes from, and a stable id (the same on every retry). */
export interface OutgoingMail extends MailMessage {
  /** A stable id for the message: its `Message-ID` and the outbox file's name derive from it. */
  id: string;
  /** The audit event the message was derived from. */
  sourceEventId: string;
  /** When the message is dated. */
  date: Date;
}

/** Sends e-mail: SES on AWS, `.eml` files in an outbox folder locally. */
export interface Mailer {
  /** Sends one message; resolves with the id the transport gave it (SES's message id, the outbox file's path). */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** The delivery of one audit event's message to one recipient, as recorded before and after sending. */
export interface DeliveryKey {
  sourceEventId: string;
  recipient: Recipient;
}

/** What a claim on a delivery found. */
export type ClaimResult = { state: 'claimed' } | { state: 'sent'; messageId?: string } | { state: 'in-flight'; leaseUntil: Date };

/** The record of which notifications were sent: a claim taken before sending, confirmed once sent. */
export interface SentMailLog {
  /**
   * Takes the delivery for `claimant` until `leaseUntil`, unless it was sent already or another
   * claimant holds an unexpired lease; a lapsed lease is taken over. The record is kept until `keepUntil`.
   */
  claim(key: DeliveryKey, claimant: string, leaseUntil: Date, keepUntil: Date, now: Date): Promise<ClaimResult>;
  /** Marks the delivery sent, with the audit event that records it, in one transaction, if `claimant` still holds it. */
  confirm(key: DeliveryKey, claimant: string, sent: { messageId: string; at: string }, audit: AuditEvent): Promise<void>;
  /** Gives the delivery up after a failed send, if `claimant` still holds it, so that a retry sends it. */
  release(key: DeliveryKey, claimant: string): Promise<void>;
}
