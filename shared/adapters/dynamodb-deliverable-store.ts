import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../domain/errors';
import type { AuditEvent } from '../use-cases/audit';
import { StaleVersion, type DeliverableStore } from '../use-cases/sessions/ports';
import type { DeliverableVersionRecord, UploadIntentRecord } from '../use-cases/sessions/records';
import { ABSENT, auditPut, putNew } from './transaction-items';
import { dynamoDb } from './aws/dynamodb-client';
import { failedConditions } from './dynamodb-errors';
import { keys, recordOf } from './dynamodb-keys';

/** Upload intents (their own partition) and deliverable versions (in the session's partition). */
export class DynamoDbDeliverableStore implements DeliverableStore {
  constructor(
    private readonly tableName: string,
    private readonly auditTableName: () => string,
  ) {}

  async saveIntent(intent: UploadIntentRecord, audit: AuditEvent): Promise<void> {
    await dynamoDb().send(
      new TransactWriteCommand({
        TransactItems: [
          putNew(this.tableName, { ...keys.uploadIntent(intent.id), entity: 'UploadIntent', ...intent }),
          auditPut(this.auditTableName(), audit),
        ],
      }),
    );
  }

  async getIntent(uploadId: string): Promise<UploadIntentRecord | undefined> {
    const { Item } = await dynamoDb().send(new GetCommand({ TableName: this.tableName, Key: keys.uploadIntent(uploadId), ConsistentRead: true }));
    return Item ? recordOf<UploadIntentRecord>(Item) : undefined;
  }

  async recordVersion(version: DeliverableVersionRecord, audit: AuditEvent): Promise<void> {
    const head = keys.deliverableHead(version.sessionId, version.registrationId, version.deliverableType);
    try {
      await dynamoDb().send(
        new TransactWriteCommand({
          TransactItems: [
            putNew(this.tableName, { ...keys.deliverableVersion(version.sessionId, version.registrationId, version.deliverableType, version.id), entity: 'DeliverableVersion', ...version }),
            {
              Put: {
                TableName: this.tableName,
                Item: { ...head, entity: 'DeliverableHead', versions: version.version },
                ConditionExpression: version.version === 1 ? ABSENT : 'versions = :previous',
                ...(version.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': version.version - 1 } }),
              },
            },
            {
              // Bumps the session's version, so that a writer who read the session before this
              // version existed (the freeze) must read it again.
              Update: {
                TableName: this.tableName,
                Key: keys.session(version.sessionId),
                UpdateExpression: 'ADD #version :one',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            auditPut(this.auditTableName(), audit),
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed.includes(0)) throw new Conflict({ en: `version ${version.id} of upload ${version.uploadId} is already recorded`, fr: `la version ${version.id} du dépôt ${version.uploadId} est déjà enregistrée` });
      if (failed.includes(2)) throw new Conflict({ en: `session ${version.sessionId} of upload ${version.id} does not exist`, fr: `la session ${version.sessionId} du dépôt ${version.id} n'existe pas` });
      if (failed.includes(1)) {
        throw new StaleVersion({
          en: `another version of this deliverable was recorded at the same time; numbering again`,
          fr: `une autre version de ce livrable a été enregistrée au même moment ; nouvelle numérotation en cours`,
        });
      }
      throw error;
    }
  }
}
