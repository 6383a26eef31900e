import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { DAY_MS, functionArn, lambdaError, lastToken, startHarness, types, type Harness } from './harness';

const THIRTY_DAYS_S = 30 * 24 * 3600;

const planning = (task: Record<string, unknown> = {}) => ({
  StartAt: 'WaitForPlanning',
  States: {
    WaitForPlanning: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: functionArn('AwaitPlanning'),
        Payload: { 'sessionId.$': '$.sessionId', step: 'planning', 'taskToken.$': '$$.Task.Token' },
      },
      TimeoutSeconds: THIRTY_DAYS_S,
      ResultPath: '$.planning',
      Catch: [
        { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'TaskFailed' },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'OtherFailure' },
      ],
      Next: 'PlanningClosed',
      ...task,
    },
    PlanningClosed: { Type: 'Succeed' },
    TaskFailed: { Type: 'Pass', End: true },
    OtherFailure: { Type: 'Pass', End: true },
  },
});

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('callback tasks (.waitForTaskToken)', () => {
  it('waits until SendTaskSuccess with the token the function received, whose output becomes the result', async () => {
    harness = await startHarness({ machines: { Planning: planning() }, handler: () => ({ stored: true }) });
    const executionArn = await harness.start('Planning', 'session-1', { sessionId: 's-1' });
    await harness.endpoint.idle!();

    expect((await harness.describe(executionArn)).status).toBe('RUNNING');
    expect(harness.invocations).toHaveLength(1);
    expect(harness.invocations[0]!.payload).toMatchObject({ sessionId: 's-1', step: 'planning' });
    const token = lastToken(harness);
    expect(token).not.toContain('__');

    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ candidates: 12 }) }));
    const described = await harness.settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ sessionId: 's-1', planning: { candidates: 12 } });
    expect(types(await harness.history(executionArn))).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    await expect(harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(harness.sfn.send(new SendTaskSuccessCommand({ taskToken: 'garbage', output: '{}' }))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('gives each waiting task its own token', async () => {
    harness = await startHarness({ machines: { Planning: planning() }, handler: () => null });
    await harness.start('Planning', 'a', { sessionId: 'a' });
    await harness.start('Planning', 'b', { sessionId: 'b' });
    await harness.endpoint.idle!();
    const tokens = harness.invocations.map((invocation) => invocation.payload.taskToken);
    expect(new Set(tokens).size).toBe(2);
  });

  it('fails the task with the error given to SendTaskFailure, which Catch matches', async () => {
    harness = await startHarness({ machines: { Planning: planning() }, handler: () => null });
    const executionArn = await harness.start('Planning', 'rejected', { sessionId: 's-2' });
    await harness.endpoint.idle!();
    await harness.sfn.send(new SendTaskFailureCommand({ taskToken: lastToken(harness), error: 'PlanningRejected', cause: 'no jurors' }));

    const described = await harness.settled(executionArn);
    expect(JSON.parse(described.output!).failure).toEqual({ Error: 'PlanningRejected', Cause: 'no jurors' });
    const events = await harness.history(executionArn);
    expect(events.find((event) => event.type === 'TaskFailed')!.taskFailedEventDetails).toMatchObject({ error: 'PlanningRejected', cause: 'no jurors' });
    expect(events.filter((event) => event.type === 'PassStateEntered').map((event) => event.stateEnteredEventDetails!.name)).toEqual(['TaskFailed']);
  });

  it('fails the task with the error of the function it invokes', async () => {
    harness = await startHarness({
      machines: { Planning: planning() },
      handler: () => {
        throw lambdaError('SessionNotFound', 'no session s-3');
      },
    });
    const executionArn = await harness.start('Planning', 'missing', { sessionId: 's-3' });
    const described = await harness.settled(executionArn);
    expect(JSON.parse(described.output!).failure.Error).toBe('SessionNotFound');
  });

  it('times out on the virtual clock after TimeoutSeconds (States.Timeout, not matched by States.TaskFailed)', async () => {
    harness = await startHarness({ machines: { Planning: planning() }, handler: () => null });
    const executionArn = await harness.start('Planning', 'late', { sessionId: 's-4' });
    await harness.endpoint.idle!();

    harness.clock.advance(29 * DAY_MS);
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');

    harness.clock.advance(DAY_MS + 1000);
    const described = await harness.settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!).failure.Error).toBe('States.Timeout');
    const events = await harness.history(executionArn);
    expect(types(events)).toContain('TaskTimedOut');
    expect(events.find((event) => event.type === 'PassStateEntered')!.stateEnteredEventDetails!.name).toBe('OtherFailure');
    await expect(harness.sfn.send(new SendTaskSuccessCommand({ taskToken: lastToken(harness), output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('times out after HeartbeatSeconds without SendTaskHeartbeat (States.HeartbeatTimeout)', async () => {
    harness = await startHarness({ machines: { Planning: planning({ HeartbeatSeconds: 3600 }) }, handler: () => null });
    const executionArn = await harness.start('Planning', 'heartbeat', { sessionId: 's-5' });
    await harness.endpoint.idle!();

    harness.clock.advance(50 * 60 * 1000);
    await harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: lastToken(harness) }));
    harness.clock.advance(50 * 60 * 1000);
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');

    harness.clock.advance(11 * 60 * 1000);
    const described = await harness.settled(executionArn);
    expect(JSON.parse(described.output!).failure.Error).toBe('States.HeartbeatTimeout');
  });
});
