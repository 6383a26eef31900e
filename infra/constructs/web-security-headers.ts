import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** The origins the web app may call besides its own: the API, the hosted sign-in, the upload bucket. */
export interface ConnectSources {
  /** The HTTP API's origin, or a pattern matching it (`https://*.execute-api.<region>.amazonaws.com`). */
  readonly api: string;
  /** The hosted sign-in's origin, `https://<prefix>.auth.<region>.amazoncognito.com`: the token endpoint. */
  readonly auth: string;
  /** The origins of the buckets the app uploads to with presigned POSTs. */
  readonly uploads: readonly string[];
}

/**
 * The web app's Content-Security-Policy: its own scripts, styles and fonts only, no plugins, no
 * framing, forms and `<base>` to itself, images also from `data:` and `blob:` URLs, and requests
 * to itself, the API, the hosted sign-in and the upload bucket.
 */
export function contentSecurityPolicy(connect: ConnectSources): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${[connect.api, connect.auth, ...connect.uploads].join(' ')}`,
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Properties of the web app's security headers. */
export interface WebSecurityHeadersProps {
  /** The policy's name, unique in the account (CloudFront policies are global). */
  readonly name: string;
  readonly connect: ConnectSources;
}

/**
 * The headers CloudFront adds to every response of the web app, replacing any the origin sent:
 * the Content-Security-Policy above, HSTS for two years, `nosniff`, `Referrer-Policy: same-origin`
 * and `X-Frame-Options: DENY` for browsers that ignore `frame-ancestors`.
 */
export class WebSecurityHeaders extends ResponseHeadersPolicy {
  constructor(scope: Construct, id: string, props: WebSecurityHeadersProps) {
    super(scope, id, {
      responseHeadersPolicyName: props.name,
      comment: 'Certiflow web app: CSP, HSTS, nosniff, same-origin referrer, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connect), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    });
  }
}
