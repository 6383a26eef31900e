import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { AUDIT_TABLE_SCHEMA } from '../../shared/wiring/table';
import type { TableAddress } from './binding-resources';

/**
 * Every action that could change or remove an event once written. The table's resource policy
 * denies them to everyone, the deploying account included: the log is append-only by construction.
 */
export const AUDIT_LOG_REWRITE_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
] as const;

/**
 * The audit log: a table of its own that functions may only add events to (PutItem, in the same
 * transaction as the change they record) and that nobody may update or delete from, by a
 * resource policy denying every rewriting action to every principal. Point-in-time recovery,
 * deletion protection, retained with the stack. Every event added goes whole to the table's
 * stream (new images), which the notifications are derived from.
 */
export class AuditTable extends Table implements TableAddress {
  readonly indexNames: readonly string[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: AUDIT_TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: AUDIT_TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[AUDIT_TABLE_SCHEMA.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      resourcePolicy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'AuditEventsAreNeverRewritten',
            effect: Effect.DENY,
            principals: [new AnyPrincipal()],
            actions: [...AUDIT_LOG_REWRITE_ACTIONS],
            resources: ['*'],
          }),
        ],
      }),
    });
  }
}
