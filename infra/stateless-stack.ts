import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BUCKET_EVENTS, type BucketEventDefinition } from '../shared/wiring/bucket-events';
import { EXECUTION_EVENTS, type ExecutionEventDefinition } from '../shared/wiring/execution-events';
import { ROUTES, type RouteDefinition } from '../shared/wiring/routes';
import { SESSION_LIFECYCLE, STATE_MACHINES, type StateMachineDefinition } from '../shared/wiring/state-machines';
import type { BindingResources } from './constructs/binding-resources';
import { BucketEventHandlers } from './constructs/bucket-event-handlers';
import { ExecutionEventHandlers } from './constructs/execution-event-handlers';
import { CertiflowHttpApi } from './constructs/http-api';
import { SessionWorkflows } from './constructs/session-workflows';
import { stateMachineAddress } from './constructs/state-machine-address';
import { CertiflowUserPool } from './constructs/user-pool';
import type { StatefulExports } from './stateful-stack';

/** Properties of the stateless stack; the wiring tables default to the project's own. */
export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulExports;
  /** Browser origins allowed by the API's CORS. */
  readonly allowedOrigins: readonly string[];
  readonly routes?: readonly RouteDefinition[];
  readonly stateMachines?: readonly StateMachineDefinition[];
  readonly bucketEvents?: readonly BucketEventDefinition[];
  readonly executionEvents?: readonly ExecutionEventDefinition[];
}

/**
 * Everything that can be replaced by a redeploy: the user pool's configuration, the HTTP API
 * and its functions, the session state machines, the bucket event handlers and the execution
 * event handlers.
 */
export class StatelessStack extends Stack {
  readonly userPool: CertiflowUserPool;
  readonly httpApi: CertiflowHttpApi;
  readonly workflows: SessionWorkflows;
  readonly bucketEvents: BucketEventHandlers;
  readonly executionEvents: ExecutionEventHandlers;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const resources: BindingResources = {
      ...props.stateful,
      sessionStateMachine: stateMachineAddress(this, SESSION_LIFECYCLE.name),
    };

    this.userPool = new CertiflowUserPool(this, 'Identity');
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

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPool.client.userPoolClientId });
    for (const [id, stateMachine] of Object.entries(this.workflows.stateMachines)) {
      new CfnOutput(this, `${id}StateMachineArn`, { value: stateMachine.stateMachineArn });
    }
  }
}
