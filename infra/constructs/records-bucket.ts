import { Duration } from 'aws-cdk-lib';
import { Bucket, type IBucket, ObjectLockMode, ObjectLockRetention, StorageClass } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './bucket-defaults';

/** The longest default retention S3 Object Lock accepts: 100 years. */
export const RECORDS_RETENTION = Duration.days(36_500);

/** Properties of the records bucket. */
export interface RecordsBucketProps {
  readonly accessLogsBucket: IBucket;
  /** @default ObjectLockMode.COMPLIANCE */
  readonly lockMode?: ObjectLockMode;
}

/**
 * Sealed PVs and grids (PV-7: kept without time limit, never altered). Versioned, with Object
 * Lock: every object version is locked for 100 years by default, in COMPLIANCE mode unless a
 * sandbox deployment asks for GOVERNANCE.
 */
export class RecordsBucket extends Bucket {
  constructor(scope: Construct, id: string, props: RecordsBucketProps) {
    const lockMode = props.lockMode ?? ObjectLockMode.COMPLIANCE;
    super(scope, id, {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention:
        lockMode === ObjectLockMode.COMPLIANCE
          ? ObjectLockRetention.compliance(RECORDS_RETENTION)
          : ObjectLockRetention.governance(RECORDS_RETENTION),
      ...SECURE_BUCKET_DEFAULTS,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'records/',
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'archive-sealed-records',
          transitions: [{ storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }],
        },
      ],
    });
  }
}
