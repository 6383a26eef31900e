import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { TABLE_SCHEMA } from '../shared/wiring/table';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';

/** A table's key schema, as `shared/wiring/table.ts` defines the data table and the audit log. */
export interface TableSchema {
  partitionKey: string;
  sortKey: string;
  globalIndexes?: (typeof TABLE_SCHEMA)['globalIndexes'];
  timeToLiveAttribute?: string;
  /** The table's stream: what each record carries; no stream when absent. */
  stream?: 'NEW_IMAGE';
}

/** Creates a table with the same key schema CDK deploys, unless it exists. */
export async function ensureTable(endpoint: string, tableName: string, schema: TableSchema): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const globalIndexes = schema.globalIndexes ?? [];
  try {
    const attributes = new Set<string>([schema.partitionKey, schema.sortKey]);
    for (const index of globalIndexes) {
      attributes.add(index.partitionKey);
      attributes.add(index.sortKey);
    }
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: schema.partitionKey, KeyType: 'HASH' },
            { AttributeName: schema.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: globalIndexes.length === 0 ? undefined : globalIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
          StreamSpecification: schema.stream ? { StreamEnabled: true, StreamViewType: schema.stream } : undefined,
        }),
      );
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
      if (schema.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { AttributeName: schema.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (schema.stream && !Table?.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: schema.stream } }));
      }
    }
  } finally {
    client.destroy();
  }
}

/** The deliverables bucket's CORS, as the CDK construct sets it: the web app posts files straight to it. */
const BROWSER_UPLOAD_CORS = {
  CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['POST', 'PUT', 'GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag', 'x-amz-version-id'], MaxAgeSeconds: 3000 }],
};

/** Creates the buckets that do not exist; those in `browserUploads` accept the web app's uploads (CORS). */
export async function ensureBuckets(endpoint: string, bucketNames: readonly string[], browserUploads: readonly string[] = []): Promise<void> {
  const client = new S3Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  try {
    for (const bucket of bucketNames) {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch {
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
      }
      if (browserUploads.includes(bucket)) await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: BROWSER_UPLOAD_CORS }));
    }
  } finally {
    client.destroy();
  }
}
