import { type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { ObjectLockMode } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { BucketEventDefinition } from '../shared/wiring/bucket-events';
import type { RouteDefinition } from '../shared/wiring/routes';
import type { StateMachineDefinition } from '../shared/wiring/state-machines';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/** Context key: browser origins allowed by CORS, comma separated. */
export const ALLOWED_ORIGINS_CONTEXT = 'certiflow:allowedOrigins';
/** Context key: `GOVERNANCE` for sandbox accounts; the records bucket defaults to `COMPLIANCE`. */
export const RECORDS_LOCK_MODE_CONTEXT = 'certiflow:recordsLockMode';

/** Options of the Certiflow application; the wiring tables default to the project's own. */
export interface CertiflowOptions {
  readonly env?: Environment;
  readonly routes?: readonly RouteDefinition[];
  readonly stateMachines?: readonly StateMachineDefinition[];
  readonly bucketEvents?: readonly BucketEventDefinition[];
}

/** The two stacks of a Certiflow deployment. */
export interface CertiflowStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Adds Certiflow's stacks to `app`, with cdk-nag's AwsSolutions pack registered as a
 * validation plugin: synthesis fails on any finding that is not acknowledged with a reason.
 */
export function createCertiflow(app: App, options: CertiflowOptions = {}): CertiflowStacks {
  const allowedOrigins = readAllowedOrigins(app);
  const env = options.env ?? {};
  const stateful = new StatefulStack(app, 'CertiflowStateful', {
    env,
    description: 'Certiflow data: table, deliverables and records buckets (retained)',
    allowedOrigins,
    recordsLockMode: readLockMode(app),
  });
  const stateless = new StatelessStack(app, 'CertiflowStateless', {
    env,
    description: 'Certiflow compute: user pool, HTTP API, functions, state machines',
    stateful: stateful.exports,
    allowedOrigins,
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.stateMachines ? { stateMachines: options.stateMachines } : {}),
    ...(options.bucketEvents ? { bucketEvents: options.bucketEvents } : {}),
  });
  stateless.addStackDependency(stateful, 'imports the table and bucket exports');
  Tags.of(app).add('application', 'certiflow');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
}

function readAllowedOrigins(app: App): string[] {
  const value: unknown = app.node.tryGetContext(ALLOWED_ORIGINS_CONTEXT);
  if (value === undefined) return ['*'];
  const origins = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return origins.map((origin) => origin.trim()).filter(Boolean);
}

function readLockMode(app: App): ObjectLockMode {
  const value: unknown = app.node.tryGetContext(RECORDS_LOCK_MODE_CONTEXT);
  if (value === undefined || value === 'COMPLIANCE') return ObjectLockMode.COMPLIANCE;
  if (value === 'GOVERNANCE') return ObjectLockMode.GOVERNANCE;
  throw new Error(`${RECORDS_LOCK_MODE_CONTEXT} must be COMPLIANCE or GOVERNANCE, not ${String(value)}`);
}
