import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type * as LocalStepFunctionsModule from '../../../local/stepfunctions';
import type { ExecutionEndedDetail } from '../../../local/stepfunctions';
import { functionArn, lambdaError, machineArn, startHarness, type Harness } from './harness';

const ended = vi.hoisted(() => [] as ExecutionEndedDetail[]);

vi.mock('../../../local/stepfunctions', async (importOriginal) => {
  const original = await importOriginal<typeof LocalStepFunctionsModule>();
  return {
    ...original,
    startLocalStepFunctions: (options: Parameters<typeof original.startLocalStepFunctions>[0]) =>
      original.startLocalStepFunctions({ ...options, onExecutionEnded: (detail) => ended.push(detail) }),
  };
});

const succeeds = { StartAt: 'Shape', States: { Shape: { Type: 'Pass', Result: { sealed: true }, End: true } } };

const fails = {
  StartAt: 'ComputeScores',
  States: {
    ComputeScores: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: functionArn('ComputeScores'), 'Payload.$': '$' },
      End: true,
    },
  },
};

const waitsForPlanning = {
  StartAt: 'WaitForPlanning',
  States: {
    WaitForPlanning: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: functionArn('AwaitPlanning'), Payload: { 'taskToken.$': '$$.Task.Token' } },
      End: true,
    },
  },
};

let harness: Harness | undefined;
beforeEach(() => {
  ended.length = 0;
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

it('Execution history: onExecutionEnded fires once with SUCCEEDED, the output and the dates of a succeeded execution', async () => {
  harness = await startHarness({ machines: { Lifecycle: succeeds }, handler: () => null });
  const executionArn = await harness.start('Lifecycle', 'session-1', { sessionId: 's-1' });
  const described = await harness.settled(executionArn);
  await harness.endpoint.idle!();

  expect(ended).toEqual([
    {
      executionArn,
      stateMachineArn: machineArn('Lifecycle'),
      name: 'session-1',
      status: 'SUCCEEDED',
      startDate: described.startDate!.getTime(),
      stopDate: described.stopDate!.getTime(),
      input: '{"sessionId":"s-1"}',
      output: '{"sealed":true}',
      error: null,
      cause: null,
    },
  ]);
});

it('Execution history: onExecutionEnded fires once with FAILED, the error and the cause of a failed execution', async () => {
  harness = await startHarness({
    machines: { Scores: fails },
    handler: () => {
      throw lambdaError('JuryTooSmall', 'only 2 jurors');
    },
  });
  const executionArn = await harness.start('Scores', 'session-2', { sessionId: 's-2' });
  const described = await harness.settled(executionArn);
  await harness.endpoint.idle!();

  expect(ended).toEqual([
    expect.objectContaining({ executionArn, status: 'FAILED', output: null, error: 'JuryTooSmall', cause: described.cause, stopDate: described.stopDate!.getTime() }),
  ]);
  expect(JSON.parse(ended[0]!.cause!)).toEqual({ errorType: 'JuryTooSmall', errorMessage: 'only 2 jurors' });
});

it('Execution history: onExecutionEnded fires once with ABORTED on StopExecution, and not again on a second stop', async () => {
  harness = await startHarness({ machines: { Lifecycle: waitsForPlanning }, handler: () => null });
  const executionArn = await harness.start('Lifecycle', 'session-3');
  await harness.endpoint.idle!();
  expect(ended).toEqual([]);

  harness.clock.advance(3_600_000);
  await harness.sfn.send(new StopExecutionCommand({ executionArn, error: 'SessionCancelled', cause: 'cancelled by the organiser' }));
  await harness.sfn.send(new StopExecutionCommand({ executionArn }));
  const described = await harness.settled(executionArn);
  await harness.endpoint.idle!();

  expect(ended).toEqual([
    expect.objectContaining({
      executionArn,
      status: 'ABORTED',
      input: '{}',
      output: null,
      error: 'SessionCancelled',
      cause: 'cancelled by the organiser',
      stopDate: described.stopDate!.getTime(),
    }),
  ]);
  expect(ended[0]!.stopDate - ended[0]!.startDate).toBeGreaterThanOrEqual(3_600_000);
});

it('Execution history: onExecutionEnded fires with TIMED_OUT when the top-level TimeoutSeconds passes on the clock', async () => {
  harness = await startHarness({
    machines: { Slow: { TimeoutSeconds: 60, StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 3600, End: true } } } },
    handler: () => null,
  });
  const executionArn = await harness.start('Slow', 'slow');
  await harness.endpoint.idle!();
  harness.clock.advance(61_000);
  await harness.settled(executionArn);
  await harness.endpoint.idle!();

  expect(ended).toEqual([expect.objectContaining({ executionArn, status: 'TIMED_OUT', error: 'States.Timeout' })]);
});

it('Execution history: onExecutionEnded fires with FAILED for an execution that cannot resume after a restart, never for one that had ended', async () => {
  harness = await startHarness({ machines: { Lifecycle: waitsForPlanning, Done: succeeds }, handler: () => null });
  const waiting = await harness.start('Lifecycle', 'session-4');
  const done = await harness.start('Done', 'session-5');
  await harness.settled(done);
  await harness.endpoint.idle!();
  expect(ended.map((detail) => detail.executionArn)).toEqual([done]);

  const { dataDir, clock } = harness;
  await harness.endpoint.stop();
  harness.sfn.destroy();
  const renamedState = { StartAt: 'AwaitPlanning', States: { AwaitPlanning: waitsForPlanning.States.WaitForPlanning } };
  harness = await startHarness({ machines: { Lifecycle: renamedState, Done: succeeds }, handler: () => null, dataDir, clock });
  await harness.endpoint.idle!();

  expect(ended.map((detail) => [detail.executionArn, detail.status])).toEqual([
    [done, 'SUCCEEDED'],
    [waiting, 'FAILED'],
  ]);
  expect(ended[1]).toMatchObject({ error: 'States.Runtime', cause: expect.stringContaining('WaitForPlanning') });
});
