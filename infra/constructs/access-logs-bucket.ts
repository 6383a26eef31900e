import { Duration } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './bucket-defaults';

/** Properties of an access logs bucket. */
export interface AccessLogsBucketProps {
  /**
   * Whether a CloudFront distribution writes its standard logs here: CloudFront grants its log
   * delivery account write access by an ACL, so the bucket accepts ACLs (objects written with
   * `bucket-owner-full-control` still belong to the bucket owner); it stays closed to the public.
   * @default false: ACLs disabled
   */
  readonly cloudFrontLogs?: boolean;
}

/**
 * The destination of the other buckets' server access logs, kept one year. cdk-nag's S1 accepts
 * it without logging of its own, as the destination of another bucket's logs.
 */
export class AccessLogsBucket extends Bucket {
  constructor(scope: Construct, id: string, props: AccessLogsBucketProps = {}) {
    super(scope, id, {
      ...SECURE_BUCKET_DEFAULTS,
      ...(props.cloudFrontLogs ? { objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED } : {}),
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
  }
}
