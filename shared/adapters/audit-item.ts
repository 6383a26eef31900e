import type { AuditEvent } from '../use-cases/audit';
import { keys } from './dynamodb-keys';

/** The DynamoDB item of an audit event; its key never collides, so a Put never overwrites one. */
export function auditItem(event: AuditEvent): Record<string, unknown> {
  return { ...keys.audit(event.sessionId, event.at, event.eventId), entity: 'AuditEvent', ...event };
}
