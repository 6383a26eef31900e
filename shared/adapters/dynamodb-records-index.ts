import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../domain/errors';
import type { IncidentRecord } from '../use-cases/exam-day/records';
import type { OpenCase, RecordsIndex } from '../use-cases/records/ports';
import type { AppealRecord, CertificateRecord } from '../use-cases/records/records';
import type { Page } from '../use-cases/sessions/ports';
import { dynamoDb } from './aws/dynamodb-client';
import { queryAllItems } from './dynamodb-batch';
import { decodeCursor, encodeCursor, keys, NOT_A_CURSOR, recordOf } from './dynamodb-keys';

type Item = Record<string, unknown>;

/** The session an item of a session's partition belongs to, read from its key. */
function sessionIdOf(item: Item): string {
  return String(item.PK).replace(/^SESSION#/, '');
}

/** Certificates by verification code and by title and date, the committee's queue: indexes of the single table. */
export class DynamoDbRecordsIndex implements RecordsIndex {
  constructor(private readonly tableName: string) {}

  async certificateByCode(verificationCode: string): Promise<CertificateRecord | undefined> {
    const key = keys.certificateByCode(verificationCode);
    const page = await dynamoDb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
        ExpressionAttributeValues: { ':pk': key.GSI2PK, ':sk': key.GSI2SK },
        Limit: 2,
      }),
    );
    const item = page.Items?.[0];
    return item ? recordOf<CertificateRecord>(item) : undefined;
  }

  async certifiedBetween(rncpCode: string, from: string, to: string): Promise<CertificateRecord[]> {
    const items = await queryAllItems({
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.certifiedByTitle(rncpCode, '', '', '').GSI1PK, ':from': `${from}#`, ':to': `${to}#\uffff` },
    });
    return items.map((item) => recordOf<CertificateRecord>(item));
  }

  async openCases(query: { limit: number; cursor?: string }): Promise<Page<OpenCase>> {
    const cursor = decodeCursor(query.cursor);
    if (query.cursor && !cursor) throw new InvalidInput(NOT_A_CURSOR, 'cursor');
    const page = await dynamoDb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.openCase('', '', '').GSI1PK },
        Limit: query.limit,
        ExclusiveStartKey: cursor,
      }),
    );
    const items = (page.Items ?? []).map((item): OpenCase => {
      const sessionId = sessionIdOf(item);
      return item.entity === 'Appeal' ? { sessionId, kind: 'appeal', appeal: recordOf<AppealRecord>(item) } : { sessionId, kind: 'incident', incident: recordOf<IncidentRecord>(item) };
    });
    return { items, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }
}
