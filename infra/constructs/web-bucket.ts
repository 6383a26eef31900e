import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SECURE_BUCKET_DEFAULTS } from './bucket-defaults';

/** Properties of the web app's bucket. */
export interface WebBucketProps {
  readonly accessLogsBucket: IBucket;
}

/**
 * The web app's static files (the Vite build and `config.json`). Private like every Certiflow
 * bucket: only the CloudFront distribution reads it, through Origin Access Control, and only the
 * deployment writes it. Nothing in it is data: every file is rebuilt by a deployment.
 */
export class WebBucket extends Bucket {
  constructor(scope: Construct, id: string, props: WebBucketProps) {
    super(scope, id, {
      ...SECURE_BUCKET_DEFAULTS,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'web/',
    });
  }
}
