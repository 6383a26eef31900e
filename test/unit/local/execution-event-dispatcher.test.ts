import { expect, it } from 'vitest';
import { ASYNC_INVOKE_ATTEMPTS } from '../../../local/async-delivery-queue';
import { ExecutionEventDispatcher, type ExecutionSubscription } from '../../../local/execution-event-dispatcher';
import { localStateMachineArn } from '../../../local/local-aws';
import { EXECUTION_EVENTS, type ExecutionStatusChangeDetail, type ExecutionStatusChangeEvent } from '../../../shared/wiring/execution-events';
import { SESSION_LIFECYCLE } from '../../../shared/wiring/state-machines';

const LIFECYCLE_ARN = localStateMachineArn(SESSION_LIFECYCLE.name);
const OTHER_ARN = localStateMachineArn('certiflow-other');
const NOW = new Date('2031-05-06T07:08:09.123Z');

const ARCHIVE: ExecutionSubscription = { definition: EXECUTION_EVENTS[0]!, stateMachineArn: LIFECYCLE_ARN, functionName: 'archive' };
const ON_FAILURE_ONLY: ExecutionSubscription = {
  definition: { ...EXECUTION_EVENTS[0]!, id: 'OnFailure', statuses: ['FAILED', 'TIMED_OUT'] },
  stateMachineArn: LIFECYCLE_ARN,
  functionName: 'on-failure',
};

function detail(overrides: Partial<ExecutionStatusChangeDetail> = {}): ExecutionStatusChangeDetail {
  return {
    executionArn: `${LIFECYCLE_ARN.replace(':stateMachine:', ':execution:')}:session-1`,
    stateMachineArn: LIFECYCLE_ARN,
    name: 'session-1',
    status: 'SUCCEEDED',
    startDate: 1_900_000_000_000,
    stopDate: 1_900_000_060_000,
    input: '{"sessionId":"s-1"}',
    output: '{"done":true}',
    error: null,
    cause: null,
    ...overrides,
  };
}

interface Delivery {
  functionName: string;
  event: ExecutionStatusChangeEvent;
}

/** A dispatcher whose function fails the first `failures` invocations of each delivery. */
function dispatcherWith(subscriptions: readonly ExecutionSubscription[], failures = 0) {
  const deliveries: Delivery[] = [];
  const reported: Array<Record<string, unknown>> = [];
  let failed = 0;
  const dispatcher = new ExecutionEventDispatcher(
    subscriptions,
    async (functionName, event) => {
      deliveries.push({ functionName, event });
      if (failed < failures) {
        failed += 1;
        throw new Error(`boom ${failed}`);
      }
      return null;
    },
    (message, extra) => reported.push({ message, ...extra }),
    () => NOW,
  );
  return { dispatcher, deliveries, reported };
}

it('Execution history: the local dispatcher sends the EventBridge envelope AWS sends, stamped by the local clock', async () => {
  const { dispatcher, deliveries } = dispatcherWith([ARCHIVE]);
  const ended = detail();
  dispatcher.dispatch(ended);
  await dispatcher.idle();

  expect(deliveries).toHaveLength(1);
  const [{ functionName, event }] = deliveries as [Delivery];
  expect(functionName).toBe('archive');
  expect(event).toEqual({
    version: '0',
    id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    account: '000000000000',
    time: '2031-05-06T07:08:09Z',
    region: 'eu-west-3',
    resources: [ended.executionArn],
    detail: ended,
  });
});

it('Execution history: the local dispatcher gives each status change its own event id', async () => {
  const { dispatcher, deliveries } = dispatcherWith([ARCHIVE]);
  dispatcher.dispatch(detail({ name: 'a' }));
  dispatcher.dispatch(detail({ name: 'b' }));
  await dispatcher.idle();
  expect(new Set(deliveries.map((delivery) => delivery.event.id)).size).toBe(2);
});

it('Execution history: the local dispatcher delivers only the statuses and the state machine each subscription names', async () => {
  const { dispatcher, deliveries } = dispatcherWith([ARCHIVE, ON_FAILURE_ONLY]);
  for (const status of ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'RUNNING']) dispatcher.dispatch(detail({ status }));
  dispatcher.dispatch(detail({ stateMachineArn: OTHER_ARN, status: 'FAILED' }));
  await dispatcher.idle();

  expect(deliveries.map((delivery) => [delivery.functionName, delivery.event.detail.status])).toEqual([
    ['archive', 'SUCCEEDED'],
    ['archive', 'FAILED'],
    ['on-failure', 'FAILED'],
    ['archive', 'TIMED_OUT'],
    ['on-failure', 'TIMED_OUT'],
    ['archive', 'ABORTED'],
  ]);
});

it('Execution history: the local dispatcher retries a failing function with the same event, reporting each failure', async () => {
  const { dispatcher, deliveries, reported } = dispatcherWith([ARCHIVE], 2);
  dispatcher.dispatch(detail({ status: 'ABORTED' }));
  await dispatcher.idle();

  expect(deliveries).toHaveLength(3);
  expect(new Set(deliveries.map((delivery) => delivery.event.id)).size).toBe(1);
  expect(reported).toEqual([
    expect.objectContaining({ message: 'execution event delivery failed', functionName: 'archive', status: 'ABORTED', attempt: 1, error: 'boom 1' }),
    expect.objectContaining({ attempt: 2, error: 'boom 2' }),
  ]);
});

it('Execution history: the local dispatcher gives up after Lambda asynchronous retries, and goes on with the next event', async () => {
  const { dispatcher, deliveries, reported } = dispatcherWith([ARCHIVE], ASYNC_INVOKE_ATTEMPTS);
  dispatcher.dispatch(detail({ name: 'lost' }));
  dispatcher.dispatch(detail({ name: 'next' }));
  await dispatcher.idle();

  expect(ASYNC_INVOKE_ATTEMPTS).toBe(3);
  expect(deliveries.map((delivery) => delivery.event.detail.name)).toEqual(['lost', 'lost', 'lost', 'next']);
  expect(reported.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
});

it('Execution history: idle() of the local dispatcher waits for deliveries queued while it waits', async () => {
  const { dispatcher, deliveries } = dispatcherWith([ARCHIVE]);
  dispatcher.dispatch(detail({ name: 'first' }));
  const idle = dispatcher.idle();
  dispatcher.dispatch(detail({ name: 'second' }));
  await idle;
  expect(deliveries.map((delivery) => delivery.event.detail.name)).toEqual(['first', 'second']);
});
