import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_DOMAIN_PREFIX_CONTEXT, STAGE_CONTEXT } from '../../infra/certiflow-app';
import { webBuildArguments } from '../../infra/constructs/web-bundling';
import { buildCertiflow } from './certiflow-app';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
type Statement = { Effect: string; Action: string | string[]; Principal?: unknown; Resource: unknown; Condition?: unknown };

const ENV = { account: '123456789012', region: 'eu-west-3' };
const imported = (name: string) => ({ 'Fn::ImportValue': name });
const WEB_ORIGIN = imported('CertiflowWebHosting-WebOrigin');
const WEB_ROOT = { 'Fn::Join': ['', [WEB_ORIGIN, '/']] };

let built: ReturnType<typeof buildCertiflow>;
let hosting: Template;
let stateless: Template;
let content: Template;

beforeAll(() => {
  built = buildCertiflow({ env: ENV });
  hosting = Template.fromStack(built.webHosting);
  stateless = Template.fromStack(built.stateless);
  content = Template.fromStack(built.webContent);
});

function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(template.findResources(type) as Record<string, Resource>);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** The web bucket: the one the access logs bucket receives logs from. */
function webBucket(): [string, Resource] {
  const found = Object.entries(hosting.findResources('AWS::S3::Bucket') as Record<string, Resource>).filter(([, bucket]) => bucket.Properties.LoggingConfiguration !== undefined);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A CloudFormation value as text: imports as `<import:Name>`, references as `<ref:Id>`, `AWS::URLSuffix` as AWS's. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as Record<string, any>;
  if (intrinsic['Fn::Join']) return (intrinsic['Fn::Join'][1] as unknown[]).map(render).join(intrinsic['Fn::Join'][0]);
  if (intrinsic['Fn::ImportValue']) return `<import:${intrinsic['Fn::ImportValue']}>`;
  if (intrinsic.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
  if (intrinsic.Ref) return `<ref:${intrinsic.Ref}>`;
  if (intrinsic['Fn::GetAtt']) return `<${intrinsic['Fn::GetAtt'].join('.')}>`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

function securityHeaders(template = hosting): Record<string, any> {
  return only(template, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
}

function deployments(): { assets: [string, Resource]; entry: [string, Resource] } {
  const all = Object.entries(content.findResources('Custom::CDKBucketDeployment') as Record<string, Resource>);
  expect(all).toHaveLength(2);
  const entry = all.find(([, deployment]) => deployment.Properties.DistributionPaths !== undefined)!;
  const assets = all.find(([, deployment]) => deployment !== entry[1])!;
  return { assets, entry };
}

describe('the web bucket', () => {
  it('WEB: is private: public access blocked, ACLs disabled, S3-managed encryption, retained, with access logs', () => {
    const [, bucket] = webBucket();
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { LogFilePrefix: 'web/' },
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    expect(bucket.Properties.AccessControl).toBeUndefined();
    hosting.hasResource('AWS::S3::Bucket', { Properties: { LoggingConfiguration: { LogFilePrefix: 'web/' } }, DeletionPolicy: 'Retain' });
  });

  it('WEB: is read by CloudFront only, for this distribution (OAC bucket policy on the distribution ARN), and refuses any request without TLS 1.2', () => {
    const [bucketId] = webBucket();
    const [distributionId] = only(hosting, 'AWS::CloudFront::Distribution');
    const policies = Object.values(hosting.findResources('AWS::S3::BucketPolicy') as Record<string, Resource>).filter((policy) => policy.Properties.Bucket.Ref === bucketId);
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as Statement[];
    const allowed = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allowed).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]] } } },
      },
    ]);
    expect(statements.filter((statement) => statement.Effect === 'Deny').map((statement) => statement.Condition)).toEqual([
      { Bool: { 'aws:SecureTransport': 'false' } },
      { NumericLessThan: { 's3:TlsVersion': 1.2 } },
    ]);
  });
});

describe('the distribution', () => {
  it('WEB: serves index.html by default, over HTTPS only, from the bucket through Origin Access Control, with the security headers and its logs', () => {
    const [, distribution] = only(hosting, 'AWS::CloudFront::Distribution');
    const [headersId] = only(hosting, 'AWS::CloudFront::ResponseHeadersPolicy');
    const [oacId, oac] = only(hosting, 'AWS::CloudFront::OriginAccessControl');
    const [bucketId] = webBucket();
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'https-only', AllowedMethods: ['GET', 'HEAD'], ResponseHeadersPolicyId: { Ref: headersId } });
    expect(config.CacheBehaviors).toBeUndefined();
    expect(config.Origins).toEqual([
      expect.objectContaining({
        DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
        OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      }),
    ]);
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(render(config.Logging.Bucket)).toMatch(/^<AccessLogsBucket\w+\.RegionalDomainName>$/);
  });

  it('WEB: its log bucket accepts the ACL CloudFront logging needs, but is not public', () => {
    const logs = Object.values(hosting.findResources('AWS::S3::Bucket') as Record<string, Resource>).filter((bucket) => bucket.Properties.LoggingConfiguration === undefined);
    expect(logs).toHaveLength(1);
    expect(logs[0]!.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });

  it('WEB: adds a strict Content-Security-Policy: the app itself, the API, the hosted sign-in and the upload bucket, nothing else', () => {
    const csp = securityHeaders().ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    expect(render(csp.ContentSecurityPolicy).split('; ')).toEqual([
      "default-src 'self'",
      "connect-src 'self' https://*.execute-api.eu-west-3.amazonaws.com https://certiflow-default-123456789012.auth.eu-west-3.amazoncognito.com https://<import:CertiflowStateful-DeliverablesBucketName>.s3.eu-west-3.amazonaws.com",
      "img-src 'self' data: blob:",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
  });

  it("WEB: the policy's sign-in origin is the user pool domain's, as config.json gives it", () => {
    const connect = render(securityHeaders().ContentSecurityPolicy.ContentSecurityPolicy).split('; ').find((directive) => directive.startsWith('connect-src'))!;
    const [, domainPrefix] = only(stateless, 'AWS::Cognito::UserPoolDomain');
    expect(domainPrefix.Properties.Domain).toBe('certiflow-default-123456789012');
    const authDomain = stateless.toJSON().Outputs.AuthDomainUrl;
    expect(authDomain.Export).toEqual({ Name: 'CertiflowStateless-AuthDomainUrl' });
    const [domainId] = only(stateless, 'AWS::Cognito::UserPoolDomain');
    const signIn = render(authDomain.Value).replace(`<ref:${domainId}>`, domainPrefix.Properties.Domain);
    expect(signIn).toBe('https://certiflow-default-123456789012.auth.eu-west-3.amazoncognito.com');
    expect(connect.split(' ')).toContain(signIn);
  });

  it('WEB: adds HSTS for two years, nosniff, a same-origin referrer policy and no framing', () => {
    expect(securityHeaders()).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
  });

  it("WEB: exports the web app's origin and outputs WebUrl, https on the distribution's domain", () => {
    const [distributionId] = only(hosting, 'AWS::CloudFront::Distribution');
    const outputs = hosting.toJSON().Outputs;
    expect(outputs.WebOrigin).toMatchObject({ Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }, Export: { Name: 'CertiflowWebHosting-WebOrigin' } });
    expect(outputs.WebUrl.Value).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] });
  });
});

describe("the web app's files", () => {
  it('WEB: the build runs the deployed Vite build (--mode aws) with the app\'s config', () => {
    expect(webBuildArguments('/tmp/out')).toEqual(['build', '--config', 'web/vite.config.ts', '--mode', 'aws', '--outDir', '/tmp/out', '--emptyOutDir']);
  });

  it('WEB: hashed assets are deployed first, cached a year and kept; index.html, the other entry files and config.json are no-cache, pruned, and invalidated', () => {
    const { assets, entry } = deployments();
    expect(assets[1].Properties).toMatchObject({
      DestinationBucketName: imported('CertiflowWebHosting-BucketName'),
      Exclude: ['*'],
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(assets[1].Properties.DistributionId).toBeUndefined();
    expect(entry[1].Properties).toMatchObject({
      DestinationBucketName: imported('CertiflowWebHosting-BucketName'),
      Exclude: ['assets/*'],
      Prune: true,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: imported('CertiflowWebHosting-DistributionId'),
    });
    expect(entry[1].Properties.Include).toBeUndefined();
    expect(entry[1].Properties.DistributionPaths).toEqual(expect.arrayContaining(['/index.html', '/config.json']));
    expect(entry[1].DependsOn).toContain(assets[0]);
    expect(entry[1].Properties.SourceObjectKeys[0]).toBe(assets[1].Properties.SourceObjectKeys[0]);
  });

  it('WEB: the deployment carries config.json, whose content holds the API URL, the user pool and client ids and the sign-in domain, resolved at deploy', () => {
    const { entry } = deployments();
    const [key] = (entry[1].Properties.SourceObjectKeys as string[]).slice(1);
    const markers = entry[1].Properties.SourceMarkers[1] as Record<string, unknown>;
    const text = readFileSync(path.join(built.app.outdir, `asset.${key!.replace(/\.zip$/, '')}`, 'config.json'), 'utf8');
    const resolved = text.replace(/<<marker:0xbaba:\d+>>/g, (marker) => {
      expect(markers[marker], marker).toBeDefined();
      return render(markers[marker]);
    });
    expect(JSON.parse(resolved)).toEqual({
      apiUrl: '<import:CertiflowStateless-ApiUrl>',
      auth: {
        kind: 'cognito',
        region: 'eu-west-3',
        userPoolId: '<import:CertiflowStateless-UserPoolId>',
        clientId: '<import:CertiflowStateless-UserPoolClientId>',
        domain: '<import:CertiflowStateless-AuthDomainUrl>',
        redirectUri: '<import:CertiflowWebHosting-WebOrigin>/',
        logoutUri: '<import:CertiflowWebHosting-WebOrigin>/',
      },
    });
  });

  it('WEB: the imports config.json reads are the API stage URL and the web client', () => {
    const outputs = stateless.toJSON().Outputs;
    const [apiId] = only(stateless, 'AWS::ApiGatewayV2::Api');
    const [clientId] = only(stateless, 'AWS::Cognito::UserPoolClient');
    const [poolId] = only(stateless, 'AWS::Cognito::UserPool');
    expect(outputs.ApiUrl).toEqual({ Value: { 'Fn::Join': ['', ['https://', { Ref: apiId }, '.execute-api.eu-west-3.', { Ref: 'AWS::URLSuffix' }, '/']] }, Export: { Name: 'CertiflowStateless-ApiUrl' } });
    expect(outputs.UserPoolClientId).toEqual({ Value: { Ref: clientId }, Export: { Name: 'CertiflowStateless-UserPoolClientId' } });
    expect(outputs.UserPoolId).toEqual({ Value: { Ref: poolId }, Export: { Name: 'CertiflowStateless-UserPoolId' } });
  });
});

describe('the hosted sign-in', () => {
  it('WEB: the web client signs in with the authorization code flow only (no implicit grant), has no secret, and calls back to the distribution only', () => {
    const [, client] = only(stateless, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [WEB_ROOT],
      LogoutURLs: [WEB_ROOT],
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:centreId']));
    expect(hosting.toJSON().Outputs.WebOrigin.Value['Fn::Join'][1][1]).toEqual({ 'Fn::GetAtt': [only(hosting, 'AWS::CloudFront::Distribution')[0], 'DomainName'] });
  });

  it('WEB: the API authorizes the web client\'s tokens, and its CORS lists the web origin', () => {
    const [clientId] = only(stateless, 'AWS::Cognito::UserPoolClient');
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', JwtConfiguration: { Audience: [{ Ref: clientId }] } });
    const [, api] = only(stateless, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration.AllowOrigins).toEqual([WEB_ORIGIN]);
  });

  it('WEB: the domain exists: a Cognito prefix domain of the user pool, certiflow-<stage>-<account> unless one is given', () => {
    const [poolId] = only(stateless, 'AWS::Cognito::UserPool');
    const [, domain] = only(stateless, 'AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toEqual({ Domain: 'certiflow-default-123456789012', UserPoolId: { Ref: poolId } });

    const agnostic = Template.fromStack(buildCertiflow({}, { [STAGE_CONTEXT]: 'prod' }).stateless);
    expect(only(agnostic, 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain).toEqual({ 'Fn::Join': ['', ['certiflow-prod-', { Ref: 'AWS::AccountId' }]] });

    const given = buildCertiflow({ env: ENV }, { [AUTH_DOMAIN_PREFIX_CONTEXT]: 'ecole-ia-certification' });
    expect(only(Template.fromStack(given.stateless), 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain).toBe('ecole-ia-certification');
    expect(render(securityHeaders(Template.fromStack(given.webHosting)).ContentSecurityPolicy.ContentSecurityPolicy)).toContain(' https://ecole-ia-certification.auth.eu-west-3.amazoncognito.com ');
  });

  it('WEB: refuses a domain prefix Cognito would refuse, given or derived from the stage', () => {
    expect(() => buildCertiflow({}, { [AUTH_DOMAIN_PREFIX_CONTEXT]: 'Ecole IA' })).toThrow(/certiflow:authDomainPrefix must be 1 to 63 lower-case letters/);
    expect(() => buildCertiflow({}, { [AUTH_DOMAIN_PREFIX_CONTEXT]: 'my-cognito-login' })).toThrow(/must not contain aws, amazon or cognito/);
    expect(() => buildCertiflow({}, { [STAGE_CONTEXT]: 'aws-sandbox' })).toThrow(/give one with certiflow:authDomainPrefix/);
  });
});

describe('the order of the stacks', () => {
  it('WEB: stateful, then web hosting, then stateless, then web content: no stack waits for one after it', () => {
    const dependencies = (stack: { dependencies: Array<{ stackName: string }> }) => stack.dependencies.map((dependency) => dependency.stackName).sort();
    expect(dependencies(built.stateful)).toEqual([]);
    expect(dependencies(built.webHosting)).toEqual(['CertiflowStateful']);
    expect(dependencies(built.stateless)).toEqual(['CertiflowStateful', 'CertiflowWebHosting']);
    expect(dependencies(built.webContent)).toEqual(['CertiflowStateless', 'CertiflowWebHosting']);
    expect(JSON.stringify(hosting.toJSON())).not.toMatch(/CertiflowStateless|CertiflowWebContent/);
  });
});
