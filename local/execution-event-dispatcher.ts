import { randomUUID } from 'node:crypto';
import {
  EXECUTION_STATUS_CHANGE,
  type ExecutionEndStatus,
  type ExecutionEventDefinition,
  type ExecutionStatusChangeDetail,
  type ExecutionStatusChangeEvent,
} from '../shared/wiring/execution-events';
import { AsyncDeliveryQueue } from './async-delivery-queue';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './local-aws';

/** Where an execution event subscription delivers. */
export interface ExecutionSubscription {
  definition: ExecutionEventDefinition;
  /** The ARN the subscribed state machine has locally. */
  stateMachineArn: string;
  functionName: string;
}

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
 * status, as the EventBridge event AWS sends, stamped with the local (shiftable) clock, with
 * Lambda's asynchronous retries. Tests wait for the deliveries with `idle()`.
 */
export class ExecutionEventDispatcher {
  private readonly deliveries: AsyncDeliveryQueue<ExecutionStatusChangeEvent>;

  constructor(
    private readonly subscriptions: readonly ExecutionSubscription[],
    invoke: (functionName: string, event: ExecutionStatusChangeEvent) => Promise<unknown>,
    onFailure: (message: string, extra: Record<string, unknown>) => void,
    private readonly now: () => Date,
  ) {
    this.deliveries = new AsyncDeliveryQueue(invoke, onFailure, 'execution event delivery failed');
  }

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
      this.deliveries.enqueue(subscription.functionName, event, { executionArn: detail.executionArn, status: detail.status });
    }
  }

  /** Resolves once every queued delivery has run. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }
}
