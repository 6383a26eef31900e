import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { BUCKET_EVENTS, type BucketEventDefinition } from '../shared/wiring/bucket-events';
import { EXECUTION_EVENTS, type ExecutionEventDefinition } from '../shared/wiring/execution-events';
import { ROUTES, type RouteDefinition } from '../shared/wiring/routes';
import { SCHEDULES, type ScheduleDefinition } from '../shared/wiring/schedules';
import { SESSION_LIFECYCLE, STATE_MACHINES, type StateMachineDefinition } from '../shared/wiring/state-machines';
import { STREAM_EVENTS, type StreamEventDefinition } from '../shared/wiring/stream-events';
import type { BindingResources } from './constructs/binding-resources';
import { BucketEventHandlers } from './constructs/bucket-event-handlers';
import { CertiflowFunction } from './constructs/certiflow-function';
import { DeadLetterQueue } from './constructs/dead-letter-queue';
import { ExecutionEventHandlers } from './constructs/execution-event-handlers';
import { CertiflowHttpApi } from './constructs/http-api';
import { SessionWorkflows } from './constructs/session-workflows';
import { stateMachineAddress } from './constructs/state-machine-address';
import { StreamEventHandlers } from './constructs/stream-event-handlers';
import { authDomainPrefix, CertiflowUserPool } from './constructs/user-pool';
import { OperationsStack } from './operations-stack';
import type { StatefulExports } from './stateful-stack';
import { exportValue } from './stack-exports';

/** Properties of the stateless stack; the wiring tables default to the project's own. */
export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulExports;
  /** Browser origins allowed by the API's CORS (the web app's among them). */
  readonly allowedOrigins: readonly string[];
  /** The web app's origin (`https://d111.cloudfront.net`): the hosted sign-in sends people back to its root. */
  readonly webOrigin: string;
  /** The hosted sign-in's domain prefix when one is given (else `authDomainPrefix` derives it from the stage and account). */
  readonly authDomainPrefix?: string;
  readonly routes?: readonly RouteDefinition[];
  readonly stateMachines?: readonly StateMachineDefinition[];
  readonly bucketEvents?: readonly BucketEventDefinition[];
  readonly executionEvents?: readonly ExecutionEventDefinition[];
  readonly streamEvents?: readonly StreamEventDefinition[];
  /** Where notifications are sent from: the address, and the verified SES identity (the address or its domain) that sends it. */
  readonly notifications: { readonly fromAddress: string; readonly identity: string };
  readonly schedules?: readonly ScheduleDefinition[];
  /** The deployment stage: alarm and dashboard names, the business metrics' `stage` dimension. */
  readonly stage: string;
  /** Where the alarms are e-mailed; no subscription without one. */
  readonly alarmEmail?: string;
}

/**
 * What the stateless stack exports for the web app's configuration, as `Fn::ImportValue` tokens
 * with fixed export names.
 */
export interface StatelessExports {
  /** The HTTP API's URL, with its trailing slash. */
  readonly apiUrl: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** The hosted sign-in's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly authDomainUrl: string;
}

/**
 * Everything that can be replaced by a redeploy: the user pool's configuration and hosted
 * sign-in domain, the HTTP API, the session state machines, the bucket event handlers, the
 * execution event handlers and the audit log's stream handlers (notifications); nested, the
 * API's route functions (one stack per area of the API, see `CertiflowHttpApi`) and the
 * operations stack (the hourly session watch, the alarms, the dashboard).
 */
export class StatelessStack extends Stack {
  readonly userPool: CertiflowUserPool;
  readonly httpApi: CertiflowHttpApi;
  readonly workflows: SessionWorkflows;
  readonly bucketEvents: BucketEventHandlers;
  readonly executionEvents: ExecutionEventHandlers;
  readonly streamEvents: StreamEventHandlers;
  readonly operations: OperationsStack;
  readonly exports: StatelessExports;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const resources: BindingResources = {
      ...props.stateful,
      sessionStateMachine: stateMachineAddress(this, SESSION_LIFECYCLE.name),
      mail: {
        fromAddress: props.notifications.fromAddress,
        identityArn: this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.notifications.identity }),
      },
    };

    this.userPool = new CertiflowUserPool(this, 'Identity', {
      webOrigin: props.webOrigin,
      domainPrefix: authDomainPrefix(this, props.stage, props.authDomainPrefix),
    });
    this.workflows = new SessionWorkflows(this, 'Workflows', {
      definitions: props.stateMachines ?? STATE_MACHINES,
      resources,
    });
    this.httpApi = new CertiflowHttpApi(this, 'HttpApi', {
      routes: props.routes ?? ROUTES,
      userPool: this.userPool.userPool,
      userPoolClient: this.userPool.client,
      resources,
      allowedOrigins: props.allowedOrigins,
    });
    this.bucketEvents = new BucketEventHandlers(this, 'BucketEvents', {
      events: props.bucketEvents ?? BUCKET_EVENTS,
      buckets: {
        deliverablesBucket: Bucket.fromBucketAttributes(this, 'DeliverablesBucket', {
          bucketName: props.stateful.deliverablesBucket.bucketName,
          bucketArn: props.stateful.deliverablesBucket.bucketArn,
        }),
      },
      resources,
    });
    this.executionEvents = new ExecutionEventHandlers(this, 'ExecutionEvents', {
      events: props.executionEvents ?? EXECUTION_EVENTS,
      resources,
    });
    this.streamEvents = new StreamEventHandlers(this, 'StreamEvents', {
      events: props.streamEvents ?? STREAM_EVENTS,
      resources,
      streams: { auditLog: props.stateful.auditLogStreamArn },
    });

    this.operations = this.watch(props, resources);

    this.exports = {
      apiUrl: exportValue(this, 'ApiUrl', this.httpApi.stage.url),
      userPoolId: exportValue(this, 'UserPoolId', this.userPool.userPool.userPoolId),
      userPoolClientId: exportValue(this, 'UserPoolClientId', this.userPool.client.userPoolClientId),
      authDomainUrl: exportValue(this, 'AuthDomainUrl', this.userPool.domain.baseUrl(), 'The hosted sign-in'),
    };
    for (const [id, stateMachine] of Object.entries(this.workflows.stateMachines)) {
      new CfnOutput(this, `${id}StateMachineArn`, { value: stateMachine.stateMachineArn });
    }
  }

  /**
   * The operations nested stack, built last: it watches every function and every SQS queue of
   * this stack and of its nested stacks (each queue a dead-letter queue), found in the construct
   * tree. A label is the construct's path below this stack without the nested stacks in it
   * (`HttpApi/CreateSession`), so that moving a function to a nested stack renames no alarm.
   */
  private watch(props: StatelessStackProps, resources: BindingResources): OperationsStack {
    const constructs = this.node.findAll();
    const depth = this.node.scopes.length;
    const labelOf = (construct: IConstruct, suffix: RegExp) =>
      construct.node.scopes
        .slice(depth)
        .filter((scope) => !NestedStack.isNestedStack(scope))
        .map((scope) => scope.node.id)
        .join('/')
        .replace(suffix, '');
    return new OperationsStack(this, 'Operations', {
      stage: props.stage,
      ...(props.alarmEmail !== undefined ? { alarmEmail: props.alarmEmail } : {}),
      schedules: props.schedules ?? SCHEDULES,
      resources,
      stateMachines: this.workflows.stateMachines,
      httpApi: this.httpApi.api,
      functions: constructs
        .filter((construct): construct is CertiflowFunction => construct instanceof CertiflowFunction)
        .map((fn) => ({ label: labelOf(fn, /Function$/), fn })),
      deadLetterQueues: constructs
        .filter((construct): construct is Queue => construct instanceof Queue)
        .map((queue) => ({
          label: labelOf(queue, /DeadLetterQueue$/),
          queue,
          holds: queue instanceof DeadLetterQueue ? queue.holds : 'events its consumer could not handle',
        })),
      functionNameToken: this.stackName,
    });
  }
}
