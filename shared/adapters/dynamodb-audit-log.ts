import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditSubject } from '../use-cases/audit';
import type { AuditLog } from '../use-cases/records/ports';
import { dynamoDb } from './aws/dynamodb-client';
import { queryAllItems } from './dynamodb-batch';
import { keys, recordOf } from './dynamodb-keys';
import { auditPut } from './transaction-items';

/** The audit log table: read by subject (its partition), oldest first; appended to, never rewritten. */
export class DynamoDbAuditLog implements AuditLog {
  constructor(private readonly tableName: string) {}

  async eventsOf(subject: AuditSubject): Promise<AuditEvent[]> {
    const items = await queryAllItems({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit(subject.type, subject.id, '', '').PK },
    });
    return items.map((item) => recordOf<AuditEvent>(item));
  }

  async append(event: AuditEvent): Promise<void> {
    await dynamoDb().send(new TransactWriteCommand({ TransactItems: [auditPut(this.tableName, event)] }));
  }
}
