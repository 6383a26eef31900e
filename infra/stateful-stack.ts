import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { ObjectLockMode } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BucketAddress, TableAddress } from './constructs/binding-resources';
import { AccessLogsBucket } from './constructs/access-logs-bucket';
import { AuditTable } from './constructs/audit-table';
import { DataTable } from './constructs/data-table';
import { DeliverablesBucket } from './constructs/deliverables-bucket';
import { RecordsBucket } from './constructs/records-bucket';

/** Properties of the stateful stack. */
export interface StatefulStackProps extends StackProps {
  /** Browser origins allowed to upload deliverables to presigned URLs. */
  readonly allowedOrigins: readonly string[];
  /** @default ObjectLockMode.COMPLIANCE */
  readonly recordsLockMode?: ObjectLockMode;
}

/**
 * What the stateful stack exports, as `Fn::ImportValue` tokens with fixed export names: the
 * stateless stack depends on this contract only, never on logical ids.
 */
export interface StatefulExports {
  readonly table: TableAddress;
  readonly auditLog: TableAddress;
  /** The audit log's stream (new images), which the notifications are derived from. */
  readonly auditLogStreamArn: string;
  readonly deliverablesBucket: BucketAddress;
  readonly recordsBucket: BucketAddress;
}

/** The data that outlives any deployment: the table, the audit log and the buckets, all retained. */
export class StatefulStack extends Stack {
  readonly table: DataTable;
  readonly auditTable: AuditTable;
  readonly deliverablesBucket: DeliverablesBucket;
  readonly recordsBucket: RecordsBucket;
  readonly exports: StatefulExports;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.table = new DataTable(this, 'Table');
    this.auditTable = new AuditTable(this, 'AuditTable');
    const accessLogsBucket = new AccessLogsBucket(this, 'AccessLogsBucket');
    this.deliverablesBucket = new DeliverablesBucket(this, 'DeliverablesBucket', {
      accessLogsBucket,
      allowedOrigins: props.allowedOrigins,
    });
    this.recordsBucket = new RecordsBucket(this, 'RecordsBucket', {
      accessLogsBucket,
      ...(props.recordsLockMode ? { lockMode: props.recordsLockMode } : {}),
    });

    this.exports = {
      table: {
        tableName: this.exportOutput('TableName', this.table.tableName),
        tableArn: this.exportOutput('TableArn', this.table.tableArn),
        indexNames: this.table.indexNames,
      },
      auditLog: {
        tableName: this.exportOutput('AuditTableName', this.auditTable.tableName),
        tableArn: this.exportOutput('AuditTableArn', this.auditTable.tableArn),
        indexNames: this.auditTable.indexNames,
      },
      auditLogStreamArn: this.exportOutput('AuditTableStreamArn', this.auditTable.tableStreamArn!),
      deliverablesBucket: {
        bucketName: this.exportOutput('DeliverablesBucketName', this.deliverablesBucket.bucketName),
        bucketArn: this.exportOutput('DeliverablesBucketArn', this.deliverablesBucket.bucketArn),
      },
      recordsBucket: {
        bucketName: this.exportOutput('RecordsBucketName', this.recordsBucket.bucketName),
        bucketArn: this.exportOutput('RecordsBucketArn', this.recordsBucket.bucketArn),
      },
    };
    new CfnOutput(this, 'AccessLogsBucketName', { value: accessLogsBucket.bucketName });
  }

  private exportOutput(id: string, value: string): string {
    const exportName = `${this.stackName}-${id}`;
    new CfnOutput(this, id, { value, exportName });
    return Fn.importValue(exportName);
  }
}
