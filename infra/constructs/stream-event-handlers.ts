import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition, type EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import type { StreamEventDefinition } from '../../shared/wiring/stream-events';
import type { BindingResources } from './binding-resources';
import { CertiflowFunction, sized } from './certiflow-function';
import { DeadLetterQueue } from './dead-letter-queue';

/** Properties of the stream event handlers. */
export interface StreamEventHandlersProps {
  readonly events: readonly StreamEventDefinition[];
  readonly resources: BindingResources;
  /** The stream ARN of each table a subscription may read. */
  readonly streams: Record<StreamEventDefinition['table'], string>;
}

/** What reading one table stream takes; the mapping needs no `ListStreams`, which names no resource. */
const STREAM_READ_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];

/**
 * One function per table stream subscription of the wiring table, fed by a Lambda event source
 * mapping: records in order (one batch at a time per shard), filtered before any invocation,
 * from the oldest record kept; the function reports the first record it failed on and the batch
 * is retried from it, halved when the function throws, and after the subscription's retries (or
 * its maximum age) the batch's position goes to the dead-letter queue, so that nothing is lost
 * silently. The function may read that one stream and nothing else of it.
 */
export class StreamEventHandlers extends Construct {
  readonly functions: Record<string, CertiflowFunction> = {};
  readonly mappings: Record<string, EventSourceMapping> = {};
  readonly deadLetterQueues: Record<string, DeadLetterQueue> = {};

  constructor(scope: Construct, id: string, props: StreamEventHandlersProps) {
    super(scope, id);
    for (const event of props.events) {
      const streamArn = props.streams[event.table];
      const fn = new CertiflowFunction(this, `${event.id}Function`, {
        handler: event.handler,
        description: `${event.table} stream`,
        ...sized(event.sizing),
      }).applyBindings(event.bindings, props.resources);
      fn.addToRolePolicy(new PolicyStatement({ actions: STREAM_READ_ACTIONS, resources: [streamArn] }));
      const deadLetterQueue = new DeadLetterQueue(this, `${event.id}DeadLetterQueue`, {
        holds: `${event.table} stream batches the ${event.id} function failed on after ${event.retryAttempts} retries: their shard and sequence numbers, to replay`,
      });
      const mapping = fn.addEventSourceMapping(`${event.id}Mapping`, {
        eventSourceArn: streamArn,
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: event.batchSize,
        parallelizationFactor: 1,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: event.retryAttempts,
        maxRecordAge: Duration.seconds(event.maxRecordAgeSeconds),
        onFailure: new SqsDlq(deadLetterQueue),
        filters: event.filters.map((pattern) => FilterCriteria.filter({ ...pattern })),
      });
      if (fn.role) mapping.node.addDependency(fn.role);
      this.functions[event.id] = fn;
      this.mappings[event.id] = mapping;
      this.deadLetterQueues[event.id] = deadLetterQueue;
    }
  }
}
