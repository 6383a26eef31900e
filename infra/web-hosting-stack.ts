import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AccessLogsBucket } from './constructs/access-logs-bucket';
import type { BucketAddress } from './constructs/binding-resources';
import { authDomainPrefix, authDomainUrl } from './constructs/user-pool';
import { WebBucket } from './constructs/web-bucket';
import { WebDistribution } from './constructs/web-distribution';
import { WebSecurityHeaders } from './constructs/web-security-headers';
import { exportValue } from './stack-exports';

/** Properties of the web hosting stack. */
export interface WebHostingStackProps extends StackProps {
  /** The deployment stage, in the names CloudFront wants unique in the account. */
  readonly stage: string;
  /** The hosted sign-in's domain prefix when one is given (else `authDomainPrefix` derives it, as the stateless stack does). */
  readonly authDomainPrefix?: string;
  /** The bucket candidates upload their deliverables to, with presigned POSTs from the app. */
  readonly deliverablesBucket: BucketAddress;
}

/**
 * What the web hosting stack exports, as `Fn::ImportValue` tokens with fixed export names: the
 * stateless and web content stacks depend on this contract only.
 */
export interface WebHostingExports {
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly origin: string;
  readonly distributionId: string;
  readonly distributionDomainName: string;
  readonly bucket: BucketAddress;
}

/**
 * Where the web app is served from, before anything knows the API: a private bucket, its access
 * logs bucket, and the CloudFront distribution that reads the bucket through Origin Access
 * Control, with the app's security headers. The app's origin it exports is what the user pool
 * client (callback and sign-out URLs) and the API's CORS need, so this stack comes before the
 * stateless one; the files come after both (web content stack), since `config.json` carries the
 * API's URL and the client's id.
 */
export class WebHostingStack extends Stack {
  readonly accessLogsBucket: AccessLogsBucket;
  readonly bucket: WebBucket;
  readonly securityHeaders: WebSecurityHeaders;
  readonly distribution: WebDistribution;
  readonly exports: WebHostingExports;

  constructor(scope: Construct, id: string, props: WebHostingStackProps) {
    super(scope, id, props);
    this.accessLogsBucket = new AccessLogsBucket(this, 'AccessLogsBucket', { cloudFrontLogs: true });
    this.bucket = new WebBucket(this, 'Bucket', { accessLogsBucket: this.accessLogsBucket });
    const names = `certiflow-${props.stage}-${this.region}-web`;
    this.securityHeaders = new WebSecurityHeaders(this, 'SecurityHeaders', {
      name: `${names}-security-headers`,
      connect: {
        // The API's exact origin would make this stack wait for the API, whose CORS and user pool
        // client wait for this distribution's domain: the pattern admits this region's HTTP APIs.
        api: `https://*.execute-api.${this.region}.${this.urlSuffix}`,
        auth: authDomainUrl(this, authDomainPrefix(this, props.stage, props.authDomainPrefix)),
        uploads: [`https://${props.deliverablesBucket.bucketName}.s3.${this.region}.${this.urlSuffix}`],
      },
    });
    this.distribution = new WebDistribution(this, 'Distribution', {
      bucket: this.bucket,
      logsBucket: this.accessLogsBucket,
      responseHeadersPolicy: this.securityHeaders,
      originAccessControlName: names,
    });

    this.exports = {
      origin: exportValue(this, 'WebOrigin', this.distribution.origin, "The web app's origin, for CORS and the sign-in's callback URL"),
      distributionId: exportValue(this, 'DistributionId', this.distribution.distribution.distributionId),
      distributionDomainName: exportValue(this, 'DistributionDomainName', this.distribution.distribution.distributionDomainName),
      bucket: {
        bucketName: exportValue(this, 'BucketName', this.bucket.bucketName),
        bucketArn: exportValue(this, 'BucketArn', this.bucket.bucketArn),
      },
    };
    new CfnOutput(this, 'WebUrl', { value: `${this.distribution.origin}/`, description: 'Where people open the Certiflow web app' });
    new CfnOutput(this, 'AccessLogsBucketName', { value: this.accessLogsBucket.bucketName });
  }
}
