import type { S3Event } from 'aws-lambda';
import type { BucketEventDefinition } from '../../shared/wiring/bucket-events';

/** Where a bucket event subscription delivers. */
export interface Subscription {
  definition: BucketEventDefinition;
  bucketName: string;
  functionName: string;
}

/**
 * Delivers s3rver's object-created events to the subscribed functions, one record per
 * invocation as S3 does, with Lambda's asynchronous retry policy (two retries). Deliveries
 * run one after another so that tests can wait for them with `idle()`.
 */
export class S3EventDispatcher {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly subscriptions: readonly Subscription[],
    private readonly invoke: (functionName: string, event: S3Event) => Promise<unknown>,
    private readonly onFailure: (message: string, extra: Record<string, unknown>) => void,
  ) {}

  /** Queues the deliveries an S3 event calls for. */
  dispatch(event: S3Event): void {
    for (const record of event.Records ?? []) {
      if (!record.eventName?.startsWith('ObjectCreated:')) continue;
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      for (const subscription of this.subscriptions) {
        if (subscription.bucketName !== record.s3.bucket.name || !key.startsWith(subscription.definition.prefix)) continue;
        this.queue = this.queue.then(() => this.deliver(subscription.functionName, { Records: [record] }));
      }
    }
  }

  /** Resolves once every queued delivery has run. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private async deliver(functionName: string, event: S3Event): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.invoke(functionName, event);
        return;
      } catch (error) {
        this.onFailure('S3 event delivery failed', { functionName, attempt, error: (error as Error).message });
      }
    }
  }
}
