import type { AuditEvent } from '../use-cases/audit';
import { keys } from './dynamodb-keys';

/** The transaction entry that writes an audit event; its key is unique, so it never overwrites one. */
export function auditPut(tableName: string, event: AuditEvent) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(event.subject.type, event.subject.id, event.at, event.eventId), entity: 'AuditEvent', ...event },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
