import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, startHarness, types, type Harness } from './harness';

const WEEK_MS = 7 * DAY_MS;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('time on the virtual clock', () => {
  it('ends a Wait with TimestampPath only when the clock reaches the timestamp', async () => {
    harness = await startHarness({
      machines: {
        Exam: {
          StartAt: 'WaitForExamDay',
          States: {
            WaitForExamDay: { Type: 'Wait', TimestampPath: '$.examAt', Next: 'ExamDay' },
            ExamDay: { Type: 'Pass', End: true },
          },
        },
      },
      handler: () => null,
    });
    const examAt = new Date(harness.clock.now().getTime() + 3 * WEEK_MS).toISOString();
    const executionArn = await harness.start('Exam', 'exam', { examAt });
    await harness.endpoint.idle!();

    harness.clock.advance(2 * WEEK_MS);
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');

    harness.clock.advance(WEEK_MS + 1000);
    const described = await harness.settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ examAt });
    expect(types(await harness.history(executionArn))).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('applies InputPath/OutputPath of a Wait and waits Seconds and SecondsPath on the clock', async () => {
    harness = await startHarness({
      machines: {
        Reminders: {
          StartAt: 'Pause',
          States: {
            Pause: { Type: 'Wait', Seconds: 3600, InputPath: '$.session', Next: 'PauseMore' },
            PauseMore: { Type: 'Wait', SecondsPath: '$.delay', OutputPath: '$.id', End: true },
          },
        },
      },
      handler: () => null,
    });
    const executionArn = await harness.start('Reminders', 'reminders', { session: { id: 's-1', delay: 7200 } });
    await harness.endpoint.idle!();
    harness.clock.advance(3600 * 1000);
    await harness.endpoint.idle!();
    expect((await harness.describe(executionArn)).status).toBe('RUNNING');
    harness.clock.advance(7200 * 1000);
    expect(JSON.parse((await harness.settled(executionArn)).output!)).toBe('s-1');
  });

  it('times the whole execution out after the top-level TimeoutSeconds, on the clock', async () => {
    harness = await startHarness({
      machines: { Slow: { TimeoutSeconds: 60, StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 3600, End: true } } } },
      handler: () => null,
    });
    const executionArn = await harness.start('Slow', 'slow');
    await harness.endpoint.idle!();
    harness.clock.advance(61 * 1000);

    expect(await harness.settled(executionArn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(types(await harness.history(executionArn)).at(-1)).toBe('ExecutionTimedOut');
  });
});
