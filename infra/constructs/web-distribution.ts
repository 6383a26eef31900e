import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  type IResponseHeadersPolicy,
  PriceClass,
  S3OriginAccessControl,
  Signing,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** The web app's entry page, served for `/`: the app routes in the URL's hash, so no other path needs it. */
export const WEB_ROOT_OBJECT = 'index.html';

/** Properties of the web app's distribution. */
export interface WebDistributionProps {
  readonly bucket: IBucket;
  /** Where CloudFront writes its standard logs (a bucket that accepts ACLs), under `cloudfront/`. */
  readonly logsBucket: IBucket;
  readonly responseHeadersPolicy: IResponseHeadersPolicy;
  /** The Origin Access Control's name, unique in the account. */
  readonly originAccessControlName: string;
}

/**
 * The CloudFront distribution that serves the web app from its private bucket: read through
 * Origin Access Control (SigV4-signed, the bucket's policy names this distribution only), over
 * HTTPS only, `index.html` at the root, with the security headers policy on every response,
 * cached as the objects' `Cache-Control` says, in Europe and North America's edge locations,
 * logging every request.
 * It uses CloudFront's default certificate and domain (`d111….cloudfront.net`).
 */
export class WebDistribution extends Construct {
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const originAccessControl = new S3OriginAccessControl(this, 'OriginAccessControl', {
      originAccessControlName: props.originAccessControlName,
      description: 'Certiflow web app: CloudFront reads the bucket with SigV4-signed requests',
      signing: Signing.SIGV4_ALWAYS,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Certiflow web app',
      defaultRootObject: WEB_ROOT_OBJECT,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.bucket, { originAccessControl }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: props.responseHeadersPolicy,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: candidates, jurors and committee members sign in from wherever they are, abroad included; who may use the app is decided by Cognito sign-in, not by country.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No AWS WAF web ACL: the distribution serves only the static build and config.json, public by nature and holding no data; the API the app calls is authenticated by Cognito and throttled by API Gateway. A CloudFront web ACL lives in us-east-1 and is billed per rule and request: attach one (webAclId) when a deployment needs it.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      "The distribution uses CloudFront's default *.cloudfront.net certificate, since no custom domain is configured, and CloudFront then fixes the viewer security policy at TLSv1; only a custom domain with an ACM certificate allows TLSv1.2_2021.",
    );
  }
}
