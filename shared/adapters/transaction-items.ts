import type { AuditEvent } from '../use-cases/audit';
import { keys } from './dynamodb-keys';

/** The condition that makes a Put create, never overwrite. */
export const ABSENT = 'attribute_not_exists(PK)';

/** A transaction entry that creates an item, and fails when an item with its key exists. */
export function putNew(tableName: string, item: Record<string, unknown>) {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: ABSENT } };
}

/**
 * The transaction entry that adds an audit event to the audit log, a table functions may only
 * add to; its key is unique and the Put may not overwrite, so no event ever replaces another.
 */
export function auditPut(auditTableName: string, event: AuditEvent) {
  return putNew(auditTableName, { ...keys.audit(event.subject.type, event.subject.id, event.at, event.eventId), entity: 'AuditEvent', ...event });
}
