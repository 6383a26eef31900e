import type { AuditEvent } from '../use-cases/audit';
import { keys } from './dynamodb-keys';

/** The condition that makes a Put create, never overwrite. */
export const ABSENT = 'attribute_not_exists(PK)';

/** A transaction entry that creates an item, and fails when an item with its key exists. */
export function putNew(tableName: string, item: Record<string, unknown>) {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: ABSENT } };
}

/** The transaction entry that writes an audit event; its key is unique, so it never overwrites one. */
export function auditPut(tableName: string, event: AuditEvent) {
  return putNew(tableName, { ...keys.audit(event.subject.type, event.subject.id, event.at, event.eventId), entity: 'AuditEvent', ...event });
}
