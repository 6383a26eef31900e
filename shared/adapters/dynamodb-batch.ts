import { BatchGetCommand, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from './aws/dynamodb-client';
import { recordOf } from './dynamodb-keys';

/**
 * Reads items by key with BatchGetItem, 100 keys a request, asking again for the keys DynamoDB
 * left unprocessed; returns the records found (key attributes removed), in no particular order.
 */
export async function batchGetRecords<T>(tableName: string, keys: readonly Record<string, unknown>[], consistentRead: boolean): Promise<T[]> {
  const found: T[] = [];
  let pending = [...keys];
  while (pending.length > 0) {
    const batch = pending.slice(0, 100);
    pending = pending.slice(100);
    const result = await dynamoDb().send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: batch, ConsistentRead: consistentRead } } }));
    found.push(...(result.Responses?.[tableName] ?? []).map((item) => recordOf<T>(item)));
    pending.push(...((result.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? []));
  }
  return found;
}

/** Every item a query matches, page after page (`LastEvaluatedKey` followed to the end), as stored. */
export async function queryAllItems(input: QueryCommandInput): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  for await (const page of paginateQuery({ client: dynamoDb() }, input)) items.push(...(page.Items ?? []));
  return items;
}
