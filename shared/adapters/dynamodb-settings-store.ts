import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../use-cases/audit';
import type { SettingsStore } from '../use-cases/records/ports';
import type { CentreStampRecord, TitleSettingsRecord } from '../use-cases/records/records';
import { dynamoDb } from './aws/dynamodb-client';
import { keys, recordOf } from './dynamodb-keys';
import { auditPut } from './transaction-items';

/** Centres' stamps and titles' settings in the single table, each written with its audit event. */
export class DynamoDbSettingsStore implements SettingsStore {
  constructor(
    private readonly tableName: string,
    private readonly auditTableName: () => string,
  ) {}

  stamp(centreId: string): Promise<CentreStampRecord | undefined> {
    return this.get<CentreStampRecord>(keys.centreStamp(centreId));
  }

  saveStamp(stamp: CentreStampRecord, audit: AuditEvent): Promise<void> {
    return this.put({ ...keys.centreStamp(stamp.centreId), entity: 'CentreStamp', ...stamp }, audit);
  }

  titleSettings(titleCode: string): Promise<TitleSettingsRecord | undefined> {
    return this.get<TitleSettingsRecord>(keys.titleSettings(titleCode));
  }

  saveTitleSettings(settings: TitleSettingsRecord, audit: AuditEvent): Promise<void> {
    return this.put({ ...keys.titleSettings(settings.titleCode), entity: 'TitleSettings', ...settings }, audit);
  }

  private async get<T>(key: { PK: string; SK: string }): Promise<T | undefined> {
    const { Item } = await dynamoDb().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ? recordOf<T>(Item) : undefined;
  }

  private async put(item: Record<string, unknown>, audit: AuditEvent): Promise<void> {
    await dynamoDb().send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: this.tableName, Item: item } }, auditPut(this.auditTableName(), audit)] }));
  }
}
