import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { DAY_MS, functionArn, lastToken, startHarness, types, type Harness } from './harness';

const lifecycle = {
  StartAt: 'OpenPlanning',
  States: {
    OpenPlanning: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: functionArn('OpenPlanning'), Payload: { 'sessionId.$': '$.sessionId' } },
      ResultPath: null,
      Next: 'WaitForPlanning',
    },
    WaitForPlanning: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: functionArn('AwaitPlanning'), Payload: { 'sessionId.$': '$.sessionId', 'taskToken.$': '$$.Task.Token' } },
      TimeoutSeconds: 30 * 24 * 3600,
      ResultPath: '$.planning',
      Next: 'WaitForExamDay',
    },
    WaitForExamDay: { Type: 'Wait', TimestampPath: '$.planning.examAt', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('persistence and restart', () => {
  it('reloads executions from dataDir and resumes a waiting callback task with a fresh token', async () => {
    harness = await startHarness({ machines: { Lifecycle: lifecycle }, handler: () => ({}) });
    const executionArn = await harness.start('Lifecycle', 'session-1', { sessionId: 's-1' });
    await harness.endpoint.idle!();
    const oldToken = lastToken(harness);
    const historyBefore = await harness.history(executionArn);
    expect(await readdir(join(harness.dataDir, 'Lifecycle'))).toEqual(['session-1.json']);

    harness = await harness.restart();
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');
    expect(harness.invocations.map((invocation) => invocation.functionName)).toEqual([functionArn('AwaitPlanning')]);
    const newToken = lastToken(harness);
    expect(newToken).not.toBe(oldToken);
    const historyAfter = await harness.history(executionArn);
    expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(types(historyAfter).filter((type) => type === 'TaskStateEntered')).toHaveLength(2);

    await expect(harness.sfn.send(new SendTaskSuccessCommand({ taskToken: oldToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    const examAt = new Date(harness.clock.now().getTime() + 14 * DAY_MS).toISOString();
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: newToken, output: JSON.stringify({ examAt }) }));
    await harness.endpoint.idle!();
    expect(types(await harness.history(executionArn)).at(-1)).toBe('WaitStateEntered');

    harness = await harness.restart();
    await harness.endpoint.idle!();
    expect(harness.invocations).toHaveLength(0);
    harness.clock.advance(13 * DAY_MS);
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');
    harness.clock.advance(DAY_MS + 1000);

    const described = await harness.settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ sessionId: 's-1', planning: { examAt } });
    expect(types(await harness.history(executionArn)).filter((type) => type === 'WaitStateEntered')).toHaveLength(1);
  });

  it('keeps a callback deadline across a restart', async () => {
    harness = await startHarness({ machines: { Lifecycle: lifecycle }, handler: () => ({}) });
    const executionArn = await harness.start('Lifecycle', 'session-2', { sessionId: 's-2' });
    await harness.endpoint.idle!();
    harness.clock.advance(20 * DAY_MS);
    await harness.endpoint.idle!();

    harness = await harness.restart();
    await harness.endpoint.idle!();
    harness.clock.advance(10 * DAY_MS + 1000);
    expect(await harness.settled(executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('shows ended executions again after a restart', async () => {
    harness = await startHarness({ machines: { Lifecycle: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } }, handler: () => null });
    const executionArn = await harness.start('Lifecycle', 'finished', { sessionId: 's' });
    const before = await harness.settled(executionArn);
    const historyBefore = await harness.history(executionArn);

    harness = await harness.restart();
    expect(await harness.describe(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: before.output, startDate: before.startDate });
    expect(await harness.history(executionArn)).toEqual(historyBefore);
  });
});
