import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../domain/errors';
import type { AuditEvent } from '../use-cases/audit';
import type { JurorRegistry } from '../use-cases/sessions/ports';
import type { JurorRecord } from '../use-cases/sessions/records';
import { ABSENT, auditPut, putNew } from './transaction-items';
import { dynamoDb } from './aws/dynamodb-client';
import { batchGetRecords } from './dynamodb-batch';
import { failedConditions } from './dynamodb-errors';
import { keys, recordOf } from './dynamodb-keys';

function jurorItem(juror: JurorRecord): Record<string, unknown> {
  return {
    ...keys.juror(juror.id),
    ...(juror.userId ? keys.jurorByUser(juror.userId) : {}),
    entity: 'Juror',
    ...juror,
  };
}

/** The guard item that keeps an e-mail to one registry juror, and finds the juror by it. */
function emailGuardKey(email: string): { PK: string; SK: string } {
  return { PK: `JUROR_EMAIL#${email.toLowerCase()}`, SK: 'META' };
}

/** The juror registry in the single table; guard items keep e-mails and user ids unique. */
export class DynamoDbJurorRegistry implements JurorRegistry {
  constructor(
    private readonly tableName: string,
    private readonly auditTableName: () => string,
  ) {}

  async get(jurorId: string): Promise<JurorRecord | undefined> {
    const { Item } = await dynamoDb().send(new GetCommand({ TableName: this.tableName, Key: keys.juror(jurorId), ConsistentRead: true }));
    return Item ? recordOf<JurorRecord>(Item) : undefined;
  }

  async getMany(jurorIds: readonly string[]): Promise<JurorRecord[]> {
    return batchGetRecords<JurorRecord>(this.tableName, [...new Set(jurorIds)].map((id) => keys.juror(id)), true);
  }

  async save(juror: JurorRecord, audit: AuditEvent, previous?: JurorRecord): Promise<void> {
    const isNew = previous === undefined;
    const expectedVersion = previous?.version ?? 0;
    const previousUserId = previous?.userId;
    const emailGuard = emailGuardKey(juror.email);
    const bindsAccount = juror.userId !== undefined && juror.userId !== previousUserId;
    const userGuard = bindsAccount ? { PK: `JUROR_USER#${juror.userId}`, SK: 'META' } : undefined;
    const releasedGuard = bindsAccount && previousUserId ? { PK: `JUROR_USER#${previousUserId}`, SK: 'META' } : undefined;
    try {
      await dynamoDb().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: jurorItem(juror),
                ...(isNew
                  ? { ConditionExpression: ABSENT }
                  : {
                      ConditionExpression: '#version = :expected',
                      ExpressionAttributeNames: { '#version': 'version' },
                      ExpressionAttributeValues: { ':expected': expectedVersion },
                    }),
              },
            },
            ...(isNew ? [this.guard(emailGuard, 'JurorEmail', juror.id)] : []),
            ...(userGuard ? [this.guard(userGuard, 'JurorUser', juror.id)] : []),
            ...(releasedGuard ? [{ Delete: { TableName: this.tableName, Key: releasedGuard } }] : []),
            auditPut(this.auditTableName(), audit),
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed.length === 0) throw error;
      if (failed.includes(1) && isNew) throw new Conflict({ en: `a juror with the e-mail ${juror.email} is already in the registry`, fr: `un juré avec l'adresse e-mail ${juror.email} figure déjà au registre` });
      if (userGuard && failed.includes(isNew ? 2 : 1)) throw new Conflict({ en: `user ${juror.userId} is already a juror of the registry`, fr: `l'utilisateur ${juror.userId} est déjà juré du registre` });
      throw new Conflict(
        isNew
          ? { en: `juror ${juror.id} already exists`, fr: `le juré ${juror.id} existe déjà` }
          : {
              en: `juror ${juror.id} was changed by someone else since version ${expectedVersion}; reload and try again`,
              fr: `le juré ${juror.id} a été modifié par quelqu'un d'autre depuis la version ${expectedVersion} ; rechargez et réessayez`,
            },
      );
    }
  }

  /** A guard item whose key makes a value unique across the registry. */
  private guard(key: { PK: string; SK: string }, entity: string, jurorId: string) {
    return putNew(this.tableName, { ...key, entity, jurorId });
  }

  async findByEmails(emails: readonly string[]): Promise<JurorRecord[]> {
    const guards = await batchGetRecords<{ jurorId: string }>(this.tableName, [...new Set(emails.map((email) => email.toLowerCase()))].map(emailGuardKey), true);
    return guards.length === 0 ? [] : this.getMany(guards.map((guard) => guard.jurorId));
  }

  async findByUserId(userId: string): Promise<JurorRecord | undefined> {
    const page = await dynamoDb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
        ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':sk': 'JUROR' },
        Limit: 1,
      }),
    );
    const item = page.Items?.[0];
    return item ? recordOf<JurorRecord>(item) : undefined;
  }
}
