import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct, type IConstruct } from 'constructs';
import { ROLES } from '../../shared/wiring/roles';
import { acknowledge } from './nag';

/** The custom attribute carrying a manager's centre; tokens carry it as `custom:centreId`. */
export const CENTRE_ID_ATTRIBUTE = 'centreId';

/** What a Cognito prefix domain may be: 1 to 63 lower-case letters, digits and inner dashes, without `aws`, `amazon` or `cognito`. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_PREFIX = /aws|amazon|cognito/;

/** Why `prefix` cannot be a Cognito prefix domain, or undefined when it can (a token is taken as it is). */
export function authDomainPrefixProblem(prefix: string): string | undefined {
  if (Token.isUnresolved(prefix)) return undefined;
  if (!DOMAIN_PREFIX.test(prefix)) return 'must be 1 to 63 lower-case letters, digits or inner dashes';
  if (RESERVED_IN_PREFIX.test(prefix)) return 'must not contain aws, amazon or cognito';
  return undefined;
}

/**
 * The prefix of the hosted sign-in's Cognito domain, as `scope`'s stack sees it: the one given,
 * or `certiflow-<stage>-<account>`, unique per deployment since prefixes are unique per region.
 * Every stack that needs the domain derives it here, so none depends on another for it.
 */
export function authDomainPrefix(scope: IConstruct, stage: string, given?: string): string {
  return given ?? `certiflow-${stage}-${Stack.of(scope).account}`;
}

/** The hosted sign-in's base URL for `prefix`, in `scope`'s region: `https://<prefix>.auth.<region>.amazoncognito.com`. */
export function authDomainUrl(scope: IConstruct, prefix: string): string {
  return `https://${prefix}.auth.${Stack.of(scope).region}.amazoncognito.com`;
}

/** Properties of the Certiflow user pool. */
export interface CertiflowUserPoolProps {
  /** The web app's origin (`https://d111.cloudfront.net`): its root is the hosted sign-in's one callback and sign-out URL. */
  readonly webOrigin: string;
  /** The prefix of the hosted sign-in's Cognito domain (see `authDomainPrefix`). */
  readonly domainPrefix: string;
}

/**
 * Who may sign in: a Cognito user pool with one group per role (`cognito:groups`), a
 * `custom:centreId` attribute only administrators can set, TOTP MFA required, no self sign-up,
 * and one public app client for the browser application, which signs people in on Cognito's
 * hosted pages (a prefix domain) with the authorization code flow and PKCE, and back to the web
 * app's origin only.
 *
 * The API expects the client's ID token (`Authorization: Bearer <id token>`): its JWT authorizer
 * checks the audience (the client id) and the handlers read `cognito:groups` and
 * `custom:centreId` from it (shared/http/identity.ts). The access token would pass the
 * authorizer too (through its `client_id`), but carries neither `custom:centreId` nor `email`.
 */
export class CertiflowUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: CertiflowUserPoolProps) {
    super(scope, id);
    const problem = authDomainPrefixProblem(props.domainPrefix);
    if (problem) throw new Error(`the Cognito domain prefix ${props.domainPrefix} ${problem}`);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { [CENTRE_ID_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Essentials plan: sign-in already requires TOTP MFA, a 12-character password and admin-created accounts; Plus threat protection is billed per monthly active user and can be switched on later without replacing the pool.',
    );

    for (const role of ROLES) {
      new UserPoolGroup(this, `${role}Group`, { userPool: this.userPool, groupName: role, description: `Certiflow role ${role}` });
    }

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    const webRoot = `${props.webOrigin}/`;
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [webRoot],
        logoutUrls: [webRoot],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(CENTRE_ID_ATTRIBUTE),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
