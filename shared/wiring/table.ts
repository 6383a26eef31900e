/**
 * The single DynamoDB table's key schema. CDK creates the table from it and the local
 * runtime creates the same table on DynamoDB Local.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records). */
  timeToLiveAttribute: 'expiresAt',
} as const;

/**
 * The audit log's key schema: a table of its own, events keyed by subject (PK) and by instant
 * and event id (SK), so that functions may be allowed to add events and nothing else.
 */
export const AUDIT_TABLE_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Every event added goes to the table's stream, whole, for the functions of `stream-events.ts` (notifications). */
  stream: 'NEW_IMAGE',
} as const;
