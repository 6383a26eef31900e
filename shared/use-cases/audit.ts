import type { Actor } from './caller';

/** What an audit event is about: a session, a juror of the registry, a centre (its stamp), a title (its settings) or a person (an export of their record). */
export interface AuditSubject {
  type: 'session' | 'juror' | 'centre' | 'title' | 'person';
  id: string;
}

/** One immutable line of history, written in the same transaction as the change it records. */
export interface AuditEvent {
  subject: AuditSubject;
  /** ISO timestamp, from the one clock. */
  at: string;
  /** A unique id: two events of the same instant never overwrite each other. */
  eventId: string;
  actor: Actor;
  /** What happened, dotted: `session.created`. */
  action: string;
  details: Record<string, unknown>;
}
