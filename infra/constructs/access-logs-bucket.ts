import { Duration } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './bucket-defaults';

/**
 * The destination of the other buckets' server access logs, kept one year. cdk-nag's S1 accepts
 * it without logging of its own, as the destination of another bucket's logs.
 */
export class AccessLogsBucket extends Bucket {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      ...SECURE_BUCKET_DEFAULTS,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
  }
}
