import { afterEach, describe, expect, it } from 'vitest';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidName,
  ListExecutionsCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { functionArn, machineArn, startHarness, types, type Harness } from './harness';

const passThrough = {
  StartAt: 'Shape',
  States: {
    Shape: {
      Type: 'Pass',
      Parameters: {
        'sessionId.$': '$.sessionId',
        'executionId.$': '$$.Execution.Id',
        'executionName.$': '$$.Execution.Name',
        'startTime.$': '$$.Execution.StartTime',
        'executionInput.$': '$$.Execution.Input',
        'machineId.$': '$$.StateMachine.Id',
        'machineName.$': '$$.StateMachine.Name',
      },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
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
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('local Step Functions endpoint, through @aws-sdk/client-sfn', () => {
  it('starts, describes and reports the history of an execution in AWS shape', async () => {
    harness = await startHarness({ machines: { Lifecycle: passThrough }, handler: () => null });
    harness.clock.advance(5 * 24 * 3600 * 1000);
    const before = harness.clock.now().getTime();
    const executionArn = await harness.start('Lifecycle', 'session-42', { sessionId: 's-42' });

    expect(executionArn).toBe('arn:aws:states:eu-west-3:000000000000:execution:Lifecycle:session-42');
    const described = await harness.settled(executionArn);
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'session-42', stateMachineArn: machineArn('Lifecycle'), input: '{"sessionId":"s-42"}' });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.startDate!.getTime()).toBeGreaterThanOrEqual(before);
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
    expect(JSON.parse(described.output!)).toEqual({
      sessionId: 's-42',
      executionId: executionArn,
      executionName: 'session-42',
      startTime: described.startDate!.toISOString(),
      executionInput: { sessionId: 's-42' },
      machineId: machineArn('Lifecycle'),
      machineName: 'Lifecycle',
    });

    const events = await harness.history(executionArn);
    expect(types(events)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
    expect(events.map((event) => [event.id, event.previousEventId])).toEqual([[1, 0], [2, 1], [3, 2], [4, 3], [5, 4], [6, 5]]);
    expect(events[1]!.stateEnteredEventDetails).toEqual({ name: 'Shape', input: '{"sessionId":"s-42"}', inputDetails: { truncated: false } });
    expect(events[0]!.timestamp!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('pages the history with maxResults and nextToken, in reverse order on request', async () => {
    harness = await startHarness({ machines: { Lifecycle: passThrough }, handler: () => null });
    const executionArn = await harness.start('Lifecycle', 'paged', { sessionId: 's' });
    await harness.settled(executionArn);

    const first = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 4 }));
    const second = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 4, nextToken: first.nextToken }));
    expect(first.events!.map((event) => event.id)).toEqual([1, 2, 3, 4]);
    expect(second.events!.map((event) => event.id)).toEqual([5, 6]);
    expect(second.nextToken).toBeUndefined();
    const reversed = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }));
    expect(types(reversed.events!)).toEqual(['ExecutionSucceeded', 'SucceedStateExited']);
  });

  it('makes StartExecution idempotent for the same name and input while RUNNING, as AWS does', async () => {
    harness = await startHarness({ machines: { Planning: waitsForPlanning }, handler: () => ({}) });
    const first = await harness.start('Planning', 'session-1', { sessionId: 's-1' });
    const again = await harness.start('Planning', 'session-1', { sessionId: 's-1' });
    expect(again).toBe(first);
    await harness.endpoint.idle!();
    expect(harness.invocations).toHaveLength(1);

    await expect(harness.start('Planning', 'session-1', { sessionId: 'other' })).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await harness.sfn.send(new StopExecutionCommand({ executionArn: first, error: 'Cancelled', cause: 'session cancelled' }));
    await expect(harness.start('Planning', 'session-1', { sessionId: 's-1' })).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('stops an execution: ABORTED, with the error and cause given', async () => {
    harness = await startHarness({ machines: { Planning: waitsForPlanning }, handler: () => ({}) });
    const executionArn = await harness.start('Planning', 'to-stop');
    await harness.endpoint.idle!();
    await harness.sfn.send(new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'session cancelled' }));

    expect(await harness.describe(executionArn)).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'session cancelled' });
    expect(types(await harness.history(executionArn)).at(-1)).toBe('ExecutionAborted');
  });

  it('lists executions of a state machine, filtered by status, newest first', async () => {
    harness = await startHarness({ machines: { Planning: waitsForPlanning, Lifecycle: passThrough }, handler: () => ({}) });
    const older = await harness.start('Planning', 'older');
    harness.clock.advance(1000);
    const newer = await harness.start('Planning', 'newer');
    await harness.start('Lifecycle', 'elsewhere', { sessionId: 's' });
    await harness.endpoint.idle!();
    await harness.sfn.send(new StopExecutionCommand({ executionArn: older }));

    const all = await harness.sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn('Planning') }));
    expect(all.executions!.map((execution) => execution.executionArn)).toEqual([newer, older]);
    const running = await harness.sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn('Planning'), statusFilter: 'RUNNING' }));
    expect(running.executions!.map((execution) => execution.name)).toEqual(['newer']);
  });

  it('describes a state machine with its definition, ACTIVE', async () => {
    harness = await startHarness({ machines: { Lifecycle: passThrough }, handler: () => null });
    const described = await harness.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn('Lifecycle') }));
    expect(described).toMatchObject({ name: 'Lifecycle', status: 'ACTIVE', stateMachineArn: machineArn('Lifecycle') });
    expect(JSON.parse(described.definition!)).toEqual(passThrough);
  });

  it('answers errors in AWS shape, so the SDK throws the named exceptions', async () => {
    harness = await startHarness({ machines: { Lifecycle: passThrough }, handler: () => null });
    const missing = 'arn:aws:states:eu-west-3:000000000000:execution:Lifecycle:nobody';
    const notFound = harness.sfn.send(new DescribeExecutionCommand({ executionArn: missing }));
    await expect(notFound).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(notFound).rejects.toMatchObject({ name: 'ExecutionDoesNotExist', $metadata: { httpStatusCode: 400 } });
    await expect(harness.sfn.send(new DescribeExecutionCommand({ executionArn: 'not-an-arn' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(harness.sfn.send(new GetExecutionHistoryCommand({ executionArn: missing }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn('Unknown'), name: 'x' })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(harness.start('Lifecycle', 'has space')).rejects.toBeInstanceOf(InvalidName);
    await expect(harness.start('Lifecycle', 'x'.repeat(81))).rejects.toBeInstanceOf(InvalidName);
    await expect(harness.start('Lifecycle', `${'x'.repeat(79)}_`, { sessionId: 's' })).resolves.toContain(':execution:Lifecycle:');
  });

  it('refuses, at start, definitions the local engine would run wrongly', async () => {
    const start = (definition: Record<string, unknown>) => startHarness({ machines: { Bad: definition }, handler: () => null });
    await expect(start({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })).rejects.toThrow(/'Bad'.*JSONata/);
    await expect(start({ StartAt: 'A', States: { A: { Type: 'Pass', Assign: { x: 1 }, End: true } } })).rejects.toThrow(/state 'A' uses 'Assign'/);
    await expect(
      start({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: {}, End: true } } }),
    ).rejects.toThrow(/resource 'arn:aws:states:::sqs:sendMessage' is not supported/);
    await expect(start({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } })).rejects.toThrow(/'Bad' cannot run locally/);
  });
});
