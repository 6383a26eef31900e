import { Stack } from 'aws-cdk-lib';
import { ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct, type IConstruct } from 'constructs';
import type { BucketEventDefinition } from '../../shared/wiring/bucket-events';
import type { BindingResources } from './binding-resources';
import { CertiflowFunction } from './certiflow-function';
import { DeadLetterQueue } from './dead-letter-queue';
import { acknowledgeManagedPolicy } from './nag';

/** Properties of the bucket event handlers. */
export interface BucketEventHandlersProps {
  readonly events: readonly BucketEventDefinition[];
  /** The buckets events come from, imported into this stack (see `Bucket.fromBucketAttributes`). */
  readonly buckets: Record<BucketEventDefinition['bucket'], IBucket>;
  readonly resources: BindingResources;
}

/**
 * One function per S3 object-created subscription of the wiring table. The buckets are
 * imported, so CDK's notification custom resource lives in this stack and the stateful stack
 * never depends on it. S3 invokes the function asynchronously: an event Lambda could not get
 * handled in its three attempts lands in the subscription's dead-letter queue, to be redriven.
 */
export class BucketEventHandlers extends Construct {
  readonly functions: Record<string, CertiflowFunction> = {};
  readonly deadLetterQueues: Record<string, DeadLetterQueue> = {};

  constructor(scope: Construct, id: string, props: BucketEventHandlersProps) {
    super(scope, id);
    for (const event of props.events) {
      const fn = new CertiflowFunction(this, `${event.id}Function`, {
        handler: event.handler,
        description: `${event.bucket} ${event.prefix}* object created`,
      }).applyBindings(event.bindings, props.resources);
      const deadLetterQueue = new DeadLetterQueue(this, `${event.id}DeadLetterQueue`, {
        holds: `${event.bucket} ${event.prefix}* object-created events that the ${event.id} function failed on`,
      });
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(deadLetterQueue) });
      this.deadLetterQueues[event.id] = deadLetterQueue;
      props.buckets[event.bucket].addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), {
        prefix: event.prefix,
      });
      this.functions[event.id] = fn;
    }
    const handler = findNotificationsHandler(Stack.of(this));
    if (handler) acknowledgeNotificationsHandler(handler);
  }
}

function findNotificationsHandler(stack: Stack): IConstruct | undefined {
  return stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
}

function acknowledgeNotificationsHandler(handler: IConstruct): void {
  const reason =
    'CDK-provided custom resource that writes the bucket notification configuration at deploy time; aws-cdk-lib creates its role with the basic execution policy and offers no way to replace it.';
  const basicExecution = ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole');
  acknowledgeManagedPolicy(handler, basicExecution.managedPolicyArn, reason);
}
