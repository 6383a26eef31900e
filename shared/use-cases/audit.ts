import type { Actor } from './caller';

/** One immutable line of a session's history, written in the same transaction as the change it records. */
export interface AuditEvent {
  sessionId: string;
  /** ISO timestamp, from the one clock. */
  at: string;
  /** A unique id: two events of the same instant never overwrite each other. */
  eventId: string;
  actor: Actor;
  /** What happened, dotted: `session.created`. */
  action: string;
  details: Record<string, unknown>;
}
