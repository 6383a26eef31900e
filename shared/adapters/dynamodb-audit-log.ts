import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditSubject } from '../use-cases/audit';
import type { AuditLog } from '../use-cases/records/ports';
import { dynamoDb } from './aws-clients';
import { keys, recordOf } from './dynamodb-keys';
import { auditPut } from './transaction-items';

/** The audit log table: read by subject (its partition), oldest first; appended to, never rewritten. */
export class DynamoDbAuditLog implements AuditLog {
  constructor(private readonly tableName: string) {}

  async eventsOf(subject: AuditSubject): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamoDb().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.audit(subject.type, subject.id, '', '').PK },
          ExclusiveStartKey: start,
        }),
      );
      events.push(...(page.Items ?? []).map((item) => recordOf<AuditEvent>(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return events;
  }

  async append(event: AuditEvent): Promise<void> {
    await dynamoDb().send(new TransactWriteCommand({ TransactItems: [auditPut(this.tableName, event)] }));
  }
}
