import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../domain/errors';
import type { AuditEvent } from '../use-cases/audit';
import type { SessionRepository } from '../use-cases/sessions/ports';
import type { SessionRecord } from '../use-cases/sessions/session-record';
import { auditItem } from './audit-item';
import { dynamoDb } from './aws-clients';
import { isConditionFailure } from './dynamodb-errors';
import { keys, withoutKeys } from './dynamodb-keys';

function sessionItem(session: SessionRecord): Record<string, unknown> {
  return {
    ...keys.session(session.id),
    ...keys.sessionByCentre(session.centreId, session.sessionDate, session.id),
    entity: 'Session',
    ...session,
  };
}

/** Sessions in the single DynamoDB table; each write and its audit event in one transaction. */
export class DynamoDbSessionRepository implements SessionRepository {
  constructor(private readonly tableName: string) {}

  async create(session: SessionRecord, audit: AuditEvent): Promise<void> {
    try {
      await dynamoDb().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: sessionItem(session),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict(`session ${session.id} already exists`);
      throw error;
    }
  }

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    const { Item } = await dynamoDb().send(
      new GetCommand({ TableName: this.tableName, Key: keys.session(sessionId), ConsistentRead: true }),
    );
    return Item ? (withoutKeys(Item) as unknown as SessionRecord) : undefined;
  }

  async update(session: SessionRecord, expectedVersion: number, audit: AuditEvent): Promise<void> {
    try {
      await dynamoDb().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: sessionItem(session),
                ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            { Put: { TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new Conflict(`session ${session.id} was changed by someone else (expected version ${expectedVersion}); reload it and try again`);
      }
      throw error;
    }
  }
}
