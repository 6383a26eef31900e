import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../use-cases/audit';
import type { ClaimResult, DeliveryKey, SentMailLog } from '../use-cases/notifications/ports';
import { logger } from '../observability/logger';
import { dynamoDb } from './aws/dynamodb-client';
import { failedConditions } from './dynamodb-errors';
import { keys } from './dynamodb-keys';
import { auditPut } from './transaction-items';

function keyOf(key: DeliveryKey) {
  return keys.notificationDelivery(key.sourceEventId, key.recipient.role, key.recipient.id);
}

/**
 * Deliveries of notifications on the data table, one item per (audit event, recipient), removed by
 * the table's TTL (`expiresAt`) once no redelivery can come: `sending` while a claimant holds it
 * until its lease, then `sent` with the transport's message id, in the same transaction as the
 * audit event that records it.
 */
export class DynamoDbSentMailLog implements SentMailLog {
  constructor(
    private readonly tableName: string,
    private readonly auditTableName: () => string,
  ) {}

  async claim(key: DeliveryKey, claimant: string, leaseUntil: Date, keepUntil: Date, now: Date): Promise<ClaimResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        await dynamoDb().send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...keyOf(key),
              entity: 'NotificationDelivery',
              sourceEventId: key.sourceEventId,
              recipient: key.recipient,
              state: 'sending',
              claimant,
              claimedAt: now.toISOString(),
              leaseUntil: leaseUntil.toISOString(),
              expiresAt: Math.ceil(keepUntil.getTime() / 1000),
            },
            ConditionExpression: 'attribute_not_exists(PK) OR (#state = :sending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':sending': 'sending', ':now': now.toISOString() },
          }),
        );
        return { state: 'claimed' };
      } catch (error) {
        if (failedConditions(error).length === 0) throw error;
      }
      const { Item } = await dynamoDb().send(new GetCommand({ TableName: this.tableName, Key: keyOf(key), ConsistentRead: true }));
      if (Item?.state === 'sent') return { state: 'sent', ...(typeof Item.messageId === 'string' ? { messageId: Item.messageId } : {}) };
      if (Item?.state === 'sending') return { state: 'in-flight', leaseUntil: new Date(String(Item.leaseUntil)) };
      if (attempt >= 3) throw new Error(`the delivery of event ${key.sourceEventId} to ${key.recipient.role} ${key.recipient.id} could not be claimed`);
    }
  }

  async confirm(key: DeliveryKey, claimant: string, sent: { messageId: string; at: string }, audit: AuditEvent): Promise<void> {
    try {
      await dynamoDb().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keyOf(key),
                UpdateExpression: 'SET #state = :sent, messageId = :messageId, sentAt = :at REMOVE leaseUntil',
                ConditionExpression: 'claimant = :claimant AND #state = :sending',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':sent': 'sent', ':sending': 'sending', ':messageId': sent.messageId, ':at': sent.at, ':claimant': claimant },
              },
            },
            auditPut(this.auditTableName(), audit),
          ],
        }),
      );
    } catch (error) {
      if (!failedConditions(error).includes(0)) throw error;
      logger.warn('notification sent after its lease lapsed: another invocation holds it now', { sourceEventId: key.sourceEventId, recipient: key.recipient });
    }
  }

  async release(key: DeliveryKey, claimant: string): Promise<void> {
    try {
      await dynamoDb().send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keyOf(key),
          ConditionExpression: 'claimant = :claimant AND #state = :sending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimant': claimant, ':sending': 'sending' },
        }),
      );
    } catch (error) {
      if (failedConditions(error).length === 0) throw error;
    }
  }
}
