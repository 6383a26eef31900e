import { AssetHashType, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { BucketAddress } from './binding-resources';
import { acknowledge, acknowledgeManagedPolicy, acknowledgeWildcardResource } from './nag';
import { webAppBundling } from './web-bundling';

/** What the web app reads from `/config.json` on AWS (locally the runtime serves `{ apiUrl: '', auth: { kind: 'local' } }`). */
export interface WebConfig {
  /** The HTTP API's base URL, with its trailing slash. */
  readonly apiUrl: string;
  readonly auth: {
    readonly kind: 'cognito';
    readonly region: string;
    readonly userPoolId: string;
    readonly clientId: string;
    /** The hosted sign-in's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
    readonly domain: string;
    /** Where the hosted sign-in sends people back with a code: the app's root. */
    readonly redirectUri: string;
    /** Where the hosted sign-out sends people back: the app's root. */
    readonly logoutUri: string;
  };
}

/** The paths a new release invalidates: the entry page (as `/` and as itself) and the configuration. */
export const WEB_ENTRY_PATHS = ['/', '/index.html', '/config.json'] as const;

/** Where Vite puts the hashed files (`build.assetsDir`): their names change with their content. */
const HASHED_ASSETS = 'assets/*';

/** Properties of the web app's deployment. */
export interface WebAppDeploymentProps {
  /** The bucket the distribution serves. */
  readonly bucket: BucketAddress;
  readonly distribution: { readonly distributionId: string; readonly domainName: string };
  /** The configuration written to `/config.json`; its tokens are resolved at deploy time. */
  readonly config: WebConfig;
  /** The project root: the web build runs there. */
  readonly projectRoot: string;
}

/**
 * The web app's files, built by `cdk deploy` (Vite, see `webAppBundling`) and copied to the web
 * bucket in two releases: first the hashed assets (`assets/*`), cached for a year and never
 * deleted, so that a page loaded before a release still finds its files; then the entry page and
 * the other unhashed files with `config.json`, which browsers revalidate on every load
 * (`no-cache`), stale ones removed, and CloudFront's copies of the entry page and the
 * configuration invalidated.
 */
export class WebAppDeployment extends Construct {
  readonly assets: BucketDeployment;
  readonly entry: BucketDeployment;

  constructor(scope: Construct, id: string, props: WebAppDeploymentProps) {
    super(scope, id);
    const destinationBucket = Bucket.fromBucketAttributes(this, 'Bucket', props.bucket);
    const distribution = Distribution.fromDistributionAttributes(this, 'Distribution', props.distribution);
    // The build reads web/ and the shared code it imports, from the project root; the asset is
    // named after the build's output, so an unchanged app is neither uploaded nor invalidated again.
    const build: ISource = Source.asset(props.projectRoot, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: webAppBundling(props.projectRoot),
    });
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });

    this.assets = new BucketDeployment(this, 'Assets', {
      sources: [build],
      destinationBucket,
      exclude: ['*'],
      include: [HASHED_ASSETS],
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      logGroup,
    });
    this.entry = new BucketDeployment(this, 'Entry', {
      sources: [build, Source.jsonData('config.json', props.config)],
      destinationBucket,
      exclude: [HASHED_ASSETS],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution,
      distributionPaths: [...WEB_ENTRY_PATHS],
      logGroup,
    });
    this.entry.node.addDependency(this.assets);
    acknowledgeDeploymentHandler(this, props.bucket);
  }
}

/**
 * Acknowledges what cdk-nag finds on CDK's bucket deployment function (one per stack, shared by
 * both releases), which aws-cdk-lib builds and grants itself: it runs during deployments only,
 * never on a person's request.
 */
function acknowledgeDeploymentHandler(deployment: Construct, bucket: BucketAddress): void {
  const stack = Stack.of(deployment);
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  const asset = deployment.node.findAll().find((construct): construct is Asset => construct instanceof Asset);
  if (!handler || !asset) throw new Error('the bucket deployment function or its source asset was not found');
  acknowledge(
    handler,
    'AwsSolutions-L1',
    "CDK's bucket deployment function: aws-cdk-lib fixes its Python runtime together with the AWS CLI layer it ships, and offers no way to choose it.",
  );
  acknowledgeManagedPolicy(
    handler,
    ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole').managedPolicyArn,
    "CDK's bucket deployment function: aws-cdk-lib gives its role the basic execution policy (its own logs) and offers no way to replace it.",
  );
  const grants =
    "aws-cdk-lib's own grants to its bucket deployment function, on the CDK assets bucket (reading the build's archive) and the web bucket (syncing the build into it, stale files deleted) only";
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
    acknowledge(handler, `AwsSolutions-IAM5[Action::${action}]`, `${action}: ${grants}.`);
  }
  acknowledgeWildcardResource(
    handler,
    asset.bucket.arnForObjects('*'),
    "The CDK assets bucket's objects: the function reads the archive of the build, whose key is a content hash known only at synthesis.",
  );
  acknowledgeWildcardResource(
    handler,
    `${bucket.bucketArn}/*`,
    "The web bucket's objects: the function writes the whole build into it, and deletes the entry files a new build no longer has.",
  );
  acknowledge(
    handler,
    'AwsSolutions-IAM5[Resource::*]',
    'cloudfront:CreateInvalidation and cloudfront:GetInvalidation, which aws-cdk-lib grants on every distribution: the function only invalidates the web app\'s entry page and config.json after a release.',
  );
}
