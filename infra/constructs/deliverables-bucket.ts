import { Duration } from 'aws-cdk-lib';
import { Bucket, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './bucket-defaults';

/** Properties of the deliverables bucket. */
export interface DeliverablesBucketProps {
  readonly accessLogsBucket: IBucket;
  /** Browser origins allowed to upload to presigned URLs. */
  readonly allowedOrigins: readonly string[];
}

/**
 * Candidates' reports, uploaded by browsers to presigned URLs. Versioned so that a new upload
 * never destroys the earlier ones (DELIV-7); replaced versions are kept a year.
 */
export class DeliverablesBucket extends Bucket {
  constructor(scope: Construct, id: string, props: DeliverablesBucketProps) {
    super(scope, id, {
      versioned: true,
      ...SECURE_BUCKET_DEFAULTS,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'deliverables/',
      cors: [
        {
          allowedOrigins: [...props.allowedOrigins],
          allowedMethods: [HttpMethods.POST, HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'x-amz-version-id'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-replaced-versions', noncurrentVersionExpiration: Duration.days(365) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        { id: 'expire-exports', prefix: 'exports/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
      ],
    });
  }
}
