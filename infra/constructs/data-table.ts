import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../shared/wiring/table';
import type { TableAddress } from './binding-resources';

/** The attribute idempotency records and other expiring items set, in epoch seconds. */
export const TTL_ATTRIBUTE = TABLE_SCHEMA.timeToLiveAttribute;

/** The global secondary indexes of the single-table design. */
export const GLOBAL_INDEXES = TABLE_SCHEMA.globalIndexes.map((index) => index.name);

/**
 * Certiflow's system of record: one table (PK/SK plus GSI1 and GSI2), on demand, with
 * point-in-time recovery, deletion protection, retained on stack deletion, and encrypted with
 * the AWS managed key `aws/dynamodb`.
 */
export class DataTable extends Table implements TableAddress {
  readonly indexNames: readonly string[] = GLOBAL_INDEXES;

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    for (const index of TABLE_SCHEMA.globalIndexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
