import { randomUUID } from 'node:crypto';
import {
  EXECUTION_STATUS_CHANGE,
  type ExecutionEndStatus,
  type ExecutionEventDefinition,
  type ExecutionStatusChangeDetail,
  type ExecutionStatusChangeEvent,
} from '../shared/wiring/execution-events';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './local-aws';

/** Where an execution event subscription delivers. */
export interface ExecutionSubscription {
  definition: ExecutionEventDefinition;
  /** The ARN the subscribed state machine has locally. */
  stateMachineArn: string;
  functionName: string;
}

/** How many times a failing function is invoked with one event: once, then Lambda's two asynchronous retries. */
export const EXECUTION_EVENT_ATTEMPTS = 3;

/** The EventBridge event Step Functions sends for `detail`, stamped at `time`. */
export function executionStatusChangeEvent(detail: ExecutionStatusChangeDetail, time: Date): ExecutionStatusChangeEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': EXECUTION_STATUS_CHANGE,
    source: 'aws.states',
    account: LOCAL_ACCOUNT,
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: [detail.executionArn],
    detail: { ...detail },
  };
}

/**
 * Delivers the end of local executions to the functions subscribed to their state machine and
 * status, as the EventBridge event AWS sends, stamped with the local (shiftable) clock. A
 * failing function is invoked again as Lambda retries asynchronous invocations; every failure
 * is reported. Deliveries run one after another so that tests can wait for them with `idle()`.
 */
export class ExecutionEventDispatcher {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly subscriptions: readonly ExecutionSubscription[],
    private readonly invoke: (functionName: string, event: ExecutionStatusChangeEvent) => Promise<unknown>,
    private readonly onFailure: (message: string, extra: Record<string, unknown>) => void,
    private readonly now: () => Date,
  ) {}

  /** Queues the deliveries an execution status change calls for. */
  dispatch(detail: ExecutionStatusChangeDetail): void {
    const subscribed = this.subscriptions.filter(
      (subscription) =>
        subscription.stateMachineArn === detail.stateMachineArn &&
        subscription.definition.statuses.includes(detail.status as ExecutionEndStatus),
    );
    if (subscribed.length === 0) return;
    const event = executionStatusChangeEvent(detail, this.now());
    for (const subscription of subscribed) {
      this.queue = this.queue.then(() => this.deliver(subscription.functionName, event));
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

  private async deliver(functionName: string, event: ExecutionStatusChangeEvent): Promise<void> {
    for (let attempt = 1; attempt <= EXECUTION_EVENT_ATTEMPTS; attempt++) {
      try {
        await this.invoke(functionName, event);
        return;
      } catch (error) {
        this.onFailure('execution event delivery failed', {
          functionName,
          executionArn: event.detail.executionArn,
          status: event.detail.status,
          attempt,
          attempts: EXECUTION_EVENT_ATTEMPTS,
          error: (error as Error).message,
        });
      }
    }
  }
}
