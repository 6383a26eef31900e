import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { useClock } from '../shared/clock';
import { resetConfig } from '../shared/config/env';
import { BINDING_ENV } from '../shared/wiring/bindings';
import { BUCKET_EVENTS } from '../shared/wiring/bucket-events';
import { EXECUTION_EVENTS } from '../shared/wiring/execution-events';
import { allFunctions, bucketEventFunction, executionEventFunction, routeFunction, scheduleFunction, streamEventFunction, taskFunction } from '../shared/wiring/functions';
import { SCHEDULES } from '../shared/wiring/schedules';
import { STAGE_ENV } from '../shared/observability/business-metrics';
import { ROUTES } from '../shared/wiring/routes';
import { SESSION_LIFECYCLE, STATE_MACHINES } from '../shared/wiring/state-machines';
import { DEFAULT_NOTIFICATIONS_FROM, STREAM_EVENTS } from '../shared/wiring/stream-events';
import { AUDIT_TABLE_SCHEMA, TABLE_SCHEMA } from '../shared/wiring/table';
import { clockControl, openClock } from './clock-control';
import { startDynamoDbLocal } from './dynamodb-local';
import { DynamoDbStreamDispatcher } from './dynamodb-stream-dispatcher';
import { ExecutionEventDispatcher } from './execution-event-dispatcher';
import { startHttpApiServer } from './http-api-server';
import { LocalJwtIssuer } from './jwt-issuer';
import { LambdaHost } from './lambda-host';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localFunctionArn, localStateMachineArn } from './local-aws';
import { LocalOutbox, type OutboxMessage } from './outbox';
import { devSignInControls, peopleFile } from './dev-sign-in';
import { localWebApp } from './web-app';
import { REPOSITORY_ROOT } from './paths';
import { requireJava, reservePort } from './preflight';
import { ensureBuckets, ensureTable } from './resources';
import { S3EventDispatcher } from './s3/s3-event-dispatcher';
import { startS3Local } from './s3/s3-local';
import { LocalScheduleRunner } from './schedule-runner';
import { startLocalStepFunctions } from './stepfunctions';
import type { ShiftableClock } from './stepfunctions/virtual-clock';

/** The local resource names, fixed so that data survives restarts. */
export const LOCAL_RESOURCES = {
  tableName: 'certiflow-local',
  auditTableName: 'certiflow-audit-local',
  deliverablesBucketName: 'certiflow-deliverables-local',
  recordsBucketName: 'certiflow-records-local',
} as const;

/** Ports of the local services; 0 picks a free one. */
export interface LocalPorts {
  api: number;
  dynamodb: number;
  s3: number;
  stepFunctions: number;
}

/** The default ports of `npm start`, each overridable by an environment variable. */
export const DEFAULT_PORTS: LocalPorts = { api: 4000, dynamodb: 4001, s3: 4002, stepFunctions: 4003 };

/** Environment variables that override each port. */
export const PORT_VARIABLES: Record<keyof LocalPorts, string> = {
  api: 'CERTIFLOW_API_PORT',
  dynamodb: 'CERTIFLOW_DYNAMODB_PORT',
  s3: 'CERTIFLOW_S3_PORT',
  stepFunctions: 'CERTIFLOW_SFN_PORT',
};

const SERVICE_NAMES: Record<keyof LocalPorts, string> = {
  api: 'HTTP API',
  dynamodb: 'DynamoDB Local',
  s3: 'S3 (s3rver)',
  stepFunctions: 'Step Functions',
};

/** Options of the local runtime. */
export interface LocalRuntimeOptions {
  dataDir: string;
  host?: string;
  ports?: Partial<LocalPorts>;
  /** Powertools log level of the handlers (INFO by default). */
  logLevel?: string;
  log?(message: string, extra?: Record<string, unknown>): void;
  /** Told of each e-mail written to the outbox (`<dataDir>/outbox`) instead of being sent. */
  onMail?(message: OutboxMessage): void;
}

/** A running local Certiflow. */
export interface LocalRuntime {
  urls: { api: string; dynamodb: string; s3: string; stepFunctions: string };
  issuer: LocalJwtIssuer;
  clock: ShiftableClock;
  resources: typeof LOCAL_RESOURCES;
  sessionStateMachineArn: string;
  /**
   * Resolves once queued event deliveries have run: S3 events, then the execution status
   * changes of executions that have ended so far.
   */
  s3EventsIdle(): Promise<void>;
  /** Resolves once every audit event written so far has reached the functions subscribed to the audit log's stream (notifications). */
  streamEventsIdle(): Promise<void>;
  /** The e-mails written instead of sent: `<dataDir>/outbox`, also listed at `GET /_local/outbox`. */
  outbox: LocalOutbox;
  /** Invokes a function by name, as Lambda would (e.g. to redeliver an S3 event or an execution status change). */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /** Resolves once the scheduled runs started so far (`shared/wiring/schedules.ts`: at start, then on their rate of the local clock) have ended. */
  schedulesIdle(): Promise<void>;
  stop(): Promise<void>;
}

/** S3 stamps events with its own clock: locally, the shiftable one, so that deadlines follow it. */
function stampedWith(event: S3Event, now: Date): S3Event {
  return { Records: event.Records.map((record) => ({ ...record, eventTime: now.toISOString(), awsRegion: LOCAL_REGION })) };
}

function substitute(text: string, substitutions: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}/g, (whole, key: string) => substitutions[key] ?? whole);
}

/** Sets the variables the AWS SDK and the handlers read, as CDK's bindings set them in AWS. */
function configureProcessEnvironment(urls: LocalRuntime['urls'], logLevel: string, outboxDir: string): void {
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_S3: urls.s3,
    AWS_ENDPOINT_URL_SFN: urls.stepFunctions,
    [BINDING_ENV.table]: LOCAL_RESOURCES.tableName,
    [BINDING_ENV.auditLog]: LOCAL_RESOURCES.auditTableName,
    [BINDING_ENV.deliverablesBucket]: LOCAL_RESOURCES.deliverablesBucketName,
    [BINDING_ENV.recordsBucket]: LOCAL_RESOURCES.recordsBucketName,
    [BINDING_ENV.sessionStateMachine]: localStateMachineArn(SESSION_LIFECYCLE.name),
    [BINDING_ENV.mail]: DEFAULT_NOTIFICATIONS_FROM,
    CERTIFLOW_OUTBOX_DIR: outboxDir,
    POWERTOOLS_SERVICE_NAME: 'certiflow',
    POWERTOOLS_LOG_LEVEL: logLevel,
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    [STAGE_ENV]: 'local',
  });
  delete process.env.AWS_PROFILE;
  resetConfig();
}

/**
 * Starts Certiflow on loopback: DynamoDB Local, s3rver, the Step Functions endpoint running
 * the same ASL files, S3 events dispatched to their handlers, and the HTTP API from the route
 * table with a local JWT issuer. Data lives under `dataDir`. Fails fast, with a message a
 * person can act on, when Java is missing or a port is taken.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const java = await requireJava();
  const wanted = { ...DEFAULT_PORTS, ...options.ports };
  const ports = {} as LocalPorts;
  for (const service of Object.keys(wanted) as Array<keyof LocalPorts>) {
    ports[service] = await reservePort(host, wanted[service], SERVICE_NAMES[service], PORT_VARIABLES[service]);
  }

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopService of stops.reverse()) await stopService().catch(() => undefined);
  };
  try {
    const lambdas = new LambdaHost(REPOSITORY_ROOT);
    for (const fn of allFunctions()) lambdas.register({ name: fn.name, handler: fn.handler });

    const subscriptions = BUCKET_EVENTS.map((definition) => ({
      definition,
      bucketName: LOCAL_RESOURCES.deliverablesBucketName,
      functionName: bucketEventFunction(definition).name,
    }));
    const dispatcher = new S3EventDispatcher(
      subscriptions,
      (name, event: S3Event) => lambdas.invoke(name, event),
      (message, extra) => log(message, extra),
    );

    const clock = openClock(join(options.dataDir, 'clock.json'));
    useClock(clock);
    const dynamodb = await startDynamoDbLocal({ java, host, port: ports.dynamodb, dataDir: join(options.dataDir, 'dynamodb') });
    stops.push(dynamodb.stop);
    const s3 = await startS3Local({ host, port: ports.s3, directory: join(options.dataDir, 's3'), lockedBuckets: [LOCAL_RESOURCES.recordsBucketName], onEvent: (event) => dispatcher.dispatch(stampedWith(event, clock.now())) });
    stops.push(s3.stop);
    await ensureTable(dynamodb.url, LOCAL_RESOURCES.tableName, TABLE_SCHEMA);
    await ensureTable(dynamodb.url, LOCAL_RESOURCES.auditTableName, AUDIT_TABLE_SCHEMA);
    await ensureBuckets(s3.url, [LOCAL_RESOURCES.deliverablesBucketName, LOCAL_RESOURCES.recordsBucketName], [LOCAL_RESOURCES.deliverablesBucketName]);

    const urls = { api: `http://${host}:${ports.api}`, dynamodb: dynamodb.url, s3: s3.url, stepFunctions: `http://${host}:${ports.stepFunctions}` };
    const outbox = new LocalOutbox(join(options.dataDir, 'outbox'), options.onMail);
    configureProcessEnvironment(urls, options.logLevel ?? 'INFO', outbox.folder);

    const stateMachines = STATE_MACHINES.map((machine) => {
      const substitutions = Object.fromEntries(machine.tasks.map((task) => [task.substitution, localFunctionArn(taskFunction(task).name)]));
      const text = substitute(readFileSync(join(REPOSITORY_ROOT, machine.definitionFile), 'utf8'), substitutions);
      return { name: machine.name, arn: localStateMachineArn(machine.name), definition: JSON.parse(text) as Record<string, unknown> };
    });
    const executionEvents = new ExecutionEventDispatcher(
      EXECUTION_EVENTS.map((definition) => ({
        definition,
        stateMachineArn: localStateMachineArn(definition.stateMachine.name),
        functionName: executionEventFunction(definition).name,
      })),
      (name, event) => lambdas.invoke(name, event),
      (message, extra) => log(message, extra),
      () => clock.now(),
    );
    const stepFunctions = await startLocalStepFunctions({
      host,
      port: ports.stepFunctions,
      stateMachines,
      invokeFunction: (name, payload) => lambdas.invoke(name, payload),
      clock,
      dataDir: join(options.dataDir, 'stepfunctions'),
      logger: { info: (message, extra) => log(message, extra as Record<string, unknown>), error: (message, extra) => log(message, extra as Record<string, unknown>) },
      onExecutionEnded: (detail) => executionEvents.dispatch(detail),
    });
    stops.push(stepFunctions.stop);
    const streamEvents = await DynamoDbStreamDispatcher.start({
      endpoint: dynamodb.url,
      tableName: LOCAL_RESOURCES.auditTableName,
      subscriptions: STREAM_EVENTS.map((definition) => ({ definition, functionName: streamEventFunction(definition).name })),
      invoke: async (name, event) => {
        try {
          return await lambdas.invoke(name, event);
        } finally {
          outbox.announce();
        }
      },
      log: (message, extra) => log(message, extra),
      dataDir: options.dataDir,
    });
    stops.push(() => streamEvents.stop());


    const issuer = await LocalJwtIssuer.open(join(options.dataDir, 'jwt-signing-key.json'));
    const api = await startHttpApiServer({
      host,
      port: ports.api,
      routes: ROUTES,
      issuer,
      invoke: (route, event) => lambdas.invoke(routeFunction(route).name, event),
      now: () => clock.now(),
      controls: {
        clock: clockControl(clock),
        outbox: outbox.control(),
        '.well-known/jwks.json': async () => ({ status: 200, body: { keys: [issuer.publicJwk] } }),
        ...devSignInControls(issuer, peopleFile(options.dataDir)),
      },
      web: localWebApp({ connect: [urls.s3] }),
      onError: (message, extra) => log(message, extra),
    });
    stops.push(api.stop);

    const schedules = new LocalScheduleRunner(
      SCHEDULES.map((definition) => ({ definition, functionName: scheduleFunction(definition).name })),
      (name, event) => lambdas.invoke(name, event),
      (message, extra) => log(message, extra),
      clock,
    );
    schedules.start();
    stops.push(() => schedules.stop());

    return {
      urls,
      issuer,
      clock,
      resources: LOCAL_RESOURCES,
      sessionStateMachineArn: localStateMachineArn(SESSION_LIFECYCLE.name),
      s3EventsIdle: async () => {
        await dispatcher.idle();
        await executionEvents.idle();
      },
      streamEventsIdle: () => streamEvents.idle(),
      outbox,
      invoke: (name, event) => lambdas.invoke(name, event),
      schedulesIdle: () => schedules.idle(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
