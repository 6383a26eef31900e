import type { S3Event } from 'aws-lambda';
import type { BucketEventDefinition } from '../../shared/wiring/bucket-events';
import { AsyncDeliveryQueue } from '../async-delivery-queue';

/** Where a bucket event subscription delivers. */
export interface Subscription {
  definition: BucketEventDefinition;
  bucketName: string;
  functionName: string;
}

/**
 * Delivers s3rver's object-created events to the subscribed functions, one record per
 * invocation as S3 does, with Lambda's asynchronous retries. Tests wait for the deliveries
 * with `idle()`.
 */
export class S3EventDispatcher {
  private readonly deliveries: AsyncDeliveryQueue<S3Event>;

  constructor(
    private readonly subscriptions: readonly Subscription[],
    invoke: (functionName: string, event: S3Event) => Promise<unknown>,
    onFailure: (message: string, extra: Record<string, unknown>) => void,
  ) {
    this.deliveries = new AsyncDeliveryQueue(invoke, onFailure, 'S3 event delivery failed');
  }

  /** Queues the deliveries an S3 event calls for. */
  dispatch(event: S3Event): void {
    for (const record of event.Records ?? []) {
      if (!record.eventName?.startsWith('ObjectCreated:')) continue;
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      for (const subscription of this.subscriptions) {
        if (subscription.bucketName !== record.s3.bucket.name || !key.startsWith(subscription.definition.prefix)) continue;
        this.deliveries.enqueue(subscription.functionName, { Records: [record] }, { key });
      }
    }
  }

  /** Resolves once every queued delivery has run. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }
}
