/** How many times a failing function is invoked with one event: once, then Lambda's two asynchronous retries. */
export const ASYNC_INVOKE_ATTEMPTS = 3;

/**
 * Invokes functions asynchronously as Lambda does for S3 and EventBridge events: one delivery
 * after another, a failing invocation tried again up to {@link ASYNC_INVOKE_ATTEMPTS} times, each
 * failure reported. `idle()` resolves once every queued delivery has run, so tests can wait.
 */
export class AsyncDeliveryQueue<TEvent> {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly invoke: (functionName: string, event: TEvent) => Promise<unknown>,
    private readonly onFailure: (message: string, extra: Record<string, unknown>) => void,
    private readonly failureMessage: string,
  ) {}

  /** Queues one delivery of `event` to `functionName`; `context` is reported with each failure. */
  enqueue(functionName: string, event: TEvent, context: Record<string, unknown> = {}): void {
    this.queue = this.queue.then(() => this.deliver(functionName, event, context));
  }

  /** Resolves once every queued delivery has run, including those queued while waiting. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private async deliver(functionName: string, event: TEvent, context: Record<string, unknown>): Promise<void> {
    for (let attempt = 1; attempt <= ASYNC_INVOKE_ATTEMPTS; attempt++) {
      try {
        await this.invoke(functionName, event);
        return;
      } catch (error) {
        this.onFailure(this.failureMessage, { functionName, ...context, attempt, attempts: ASYNC_INVOKE_ATTEMPTS, error: (error as Error).message });
      }
    }
  }
}
