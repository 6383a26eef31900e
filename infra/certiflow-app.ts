import { type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { ObjectLockMode } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { BucketEventDefinition } from '../shared/wiring/bucket-events';
import type { RouteDefinition } from '../shared/wiring/routes';
import type { StateMachineDefinition } from '../shared/wiring/state-machines';
import { DEFAULT_NOTIFICATIONS_FROM } from '../shared/wiring/stream-events';
import { authDomainPrefixProblem } from './constructs/user-pool';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';
import { WebContentStack } from './web-content-stack';
import { WebHostingStack } from './web-hosting-stack';

/**
 * Context key: browser origins allowed by CORS besides the web app's own, comma separated (`*`
 * for any). The API always allows the web app's origin; the deliverables bucket, deployed before
 * the web app's distribution exists, allows any origin when the key is not set, and exactly
 * these otherwise (name the web app's origin among them then).
 */
export const ALLOWED_ORIGINS_CONTEXT = 'certiflow:allowedOrigins';
/** Context key: the prefix of the hosted sign-in's Cognito domain (`certiflow-<stage>-<account>` by default). */
export const AUTH_DOMAIN_PREFIX_CONTEXT = 'certiflow:authDomainPrefix';
/** Context key: `GOVERNANCE` for sandbox accounts; the records bucket defaults to `COMPLIANCE`. */
export const RECORDS_LOCK_MODE_CONTEXT = 'certiflow:recordsLockMode';
/** Context key: the address notifications are sent from (`notifications@certiflow.example` by default). */
export const NOTIFICATIONS_FROM_CONTEXT = 'certiflow:notificationsFrom';
/** Context key: the verified SES identity that sends them: the address, its domain (the default) or a parent domain. */
export const NOTIFICATIONS_IDENTITY_CONTEXT = 'certiflow:notificationsIdentity';
/** Context key: the deployment stage (`prod`, `staging`…), in alarm and dashboard names and the business metrics' dimension. */
export const STAGE_CONTEXT = 'certiflow:stage';
/** Context key: the address the stage's alarms are e-mailed to (`-c certiflow:alarmEmail=ops@example.org`); none subscribed without it. */
export const ALARM_EMAIL_CONTEXT = 'certiflow:alarmEmail';
/** The stage of a deployment that names none. */
export const DEFAULT_STAGE = 'default';

/** Options of the Certiflow application; the wiring tables default to the project's own. */
export interface CertiflowOptions {
  readonly env?: Environment;
  readonly routes?: readonly RouteDefinition[];
  readonly stateMachines?: readonly StateMachineDefinition[];
  readonly bucketEvents?: readonly BucketEventDefinition[];
}

/**
 * The stacks of a Certiflow deployment, in the order they deploy: the data, the web app's
 * hosting (bucket and distribution), the compute (which needs the web app's origin), then the web
 * app's files (which need the API's URL and the sign-in's ids).
 */
export interface CertiflowStacks {
  readonly stateful: StatefulStack;
  readonly webHosting: WebHostingStack;
  readonly stateless: StatelessStack;
  readonly webContent: WebContentStack;
}

/**
 * Adds Certiflow's stacks to `app`, with cdk-nag's AwsSolutions pack registered as a
 * validation plugin: synthesis fails on any finding that is not acknowledged with a reason.
 */
export function createCertiflow(app: App, options: CertiflowOptions = {}): CertiflowStacks {
  const allowedOrigins = readAllowedOrigins(app);
  const stage = readStage(app);
  const authDomainPrefix = readAuthDomainPrefix(app, stage);
  const env = options.env ?? {};
  const stateful = new StatefulStack(app, 'CertiflowStateful', {
    env,
    description: 'Certiflow data: table, deliverables and records buckets (retained)',
    allowedOrigins: allowedOrigins ?? ['*'],
    recordsLockMode: readLockMode(app),
  });
  const webHosting = new WebHostingStack(app, 'CertiflowWebHosting', {
    env,
    description: "Certiflow web app hosting: its bucket and CloudFront distribution, with the app's security headers",
    stage,
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    deliverablesBucket: stateful.exports.deliverablesBucket,
  });
  webHosting.addStackDependency(stateful, "imports the deliverables bucket's name, which the app uploads to");
  const stateless = new StatelessStack(app, 'CertiflowStateless', {
    env,
    description: 'Certiflow compute: user pool, HTTP API, functions, state machines',
    stateful: stateful.exports,
    allowedOrigins: apiAllowedOrigins(allowedOrigins ?? [], webHosting.exports.origin),
    webOrigin: webHosting.exports.origin,
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    notifications: readNotifications(app),
    stage,
    ...readAlarmEmail(app),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.stateMachines ? { stateMachines: options.stateMachines } : {}),
    ...(options.bucketEvents ? { bucketEvents: options.bucketEvents } : {}),
  });
  stateless.addStackDependency(stateful, 'imports the table and bucket exports');
  stateless.addStackDependency(webHosting, "imports the web app's origin");
  const webContent = new WebContentStack(app, 'CertiflowWebContent', {
    env,
    description: 'Certiflow web app files: the build and its config.json',
    hosting: webHosting.exports,
    stateless: stateless.exports,
  });
  webContent.addStackDependency(webHosting, 'imports the web bucket and distribution');
  webContent.addStackDependency(stateless, "imports the API's URL and the user pool's ids");
  Tags.of(app).add('application', 'certiflow');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, webHosting, stateless, webContent };
}

/** The API's CORS origins: the web app's and the ones the context names, or any (`*`) when it names `*`. */
export function apiAllowedOrigins(contextOrigins: readonly string[], webOrigin: string): string[] {
  return contextOrigins.includes('*') ? ['*'] : [...contextOrigins.filter((origin) => origin !== webOrigin), webOrigin];
}

function readAllowedOrigins(app: App): string[] | undefined {
  const value: unknown = app.node.tryGetContext(ALLOWED_ORIGINS_CONTEXT);
  if (value === undefined) return undefined;
  const origins = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return origins.map((origin) => origin.trim()).filter(Boolean);
}

function readAuthDomainPrefix(app: App, stage: string): string | undefined {
  const value: unknown = app.node.tryGetContext(AUTH_DOMAIN_PREFIX_CONTEXT);
  const given = value === undefined || String(value).trim() === '' ? undefined : String(value).trim();
  const checked = given ?? `certiflow-${stage}-0`;
  const problem = authDomainPrefixProblem(checked);
  if (problem) {
    throw new Error(
      given !== undefined
        ? `${AUTH_DOMAIN_PREFIX_CONTEXT} ${problem}, not ${given}`
        : `the Cognito domain prefix derived from the stage (certiflow-${stage}-<account>) ${problem}: give one with ${AUTH_DOMAIN_PREFIX_CONTEXT}`,
    );
  }
  return given;
}

function readStage(app: App): string {
  const value: unknown = app.node.tryGetContext(STAGE_CONTEXT);
  if (value === undefined) return DEFAULT_STAGE;
  const stage = String(value).trim();
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(stage)) throw new Error(`${STAGE_CONTEXT} must be 1 to 32 lower-case letters, digits or dashes, not ${String(value)}`);
  return stage;
}

function readAlarmEmail(app: App): { alarmEmail?: string } {
  const value: unknown = app.node.tryGetContext(ALARM_EMAIL_CONTEXT);
  return value === undefined || String(value).trim() === '' ? {} : { alarmEmail: String(value).trim() };
}

function readNotifications(app: App): { fromAddress: string; identity: string } {
  const fromAddress = String(app.node.tryGetContext(NOTIFICATIONS_FROM_CONTEXT) ?? DEFAULT_NOTIFICATIONS_FROM).trim();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(fromAddress)) throw new Error(`${NOTIFICATIONS_FROM_CONTEXT} must be an e-mail address, without a display name, not ${fromAddress}`);
  const domain = fromAddress.split('@')[1]!;
  const identity = String(app.node.tryGetContext(NOTIFICATIONS_IDENTITY_CONTEXT) ?? domain).trim();
  if (identity !== fromAddress && identity !== domain && !domain.endsWith(`.${identity}`)) {
    throw new Error(`${NOTIFICATIONS_IDENTITY_CONTEXT} must be ${fromAddress}, its domain or a parent domain, not ${identity}`);
  }
  return { fromAddress, identity };
}

function readLockMode(app: App): ObjectLockMode {
  const value: unknown = app.node.tryGetContext(RECORDS_LOCK_MODE_CONTEXT);
  if (value === undefined || value === 'COMPLIANCE') return ObjectLockMode.COMPLIANCE;
  if (value === 'GOVERNANCE') return ObjectLockMode.GOVERNANCE;
  throw new Error(`${RECORDS_LOCK_MODE_CONTEXT} must be COMPLIANCE or GOVERNANCE, not ${String(value)}`);
}
