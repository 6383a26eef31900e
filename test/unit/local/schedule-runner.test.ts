import { afterEach, expect, it } from 'vitest';
import { LocalScheduleRunner } from '../../../local/schedule-runner';
import { ShiftableClock } from '../../../local/stepfunctions/virtual-clock';
import { ratePeriodMs, SCHEDULES } from '../../../shared/wiring/schedules';

const MINUTE = 60_000;
const WATCH = { definition: SCHEDULES.find((schedule) => schedule.id === 'WatchSessions')!, functionName: 'certiflow-watch-sessions-schedule' };
let runner: LocalScheduleRunner | undefined;

afterEach(async () => {
  await runner?.stop();
});

function start(schedules = [WATCH]) {
  const clock = new ShiftableClock();
  const calls: Array<{ name: string; event: Record<string, unknown> }> = [];
  runner = new LocalScheduleRunner(schedules, async (name, event) => calls.push({ name, event: event as Record<string, unknown> }), () => undefined, clock, 3_600_000);
  runner.start();
  return { clock, calls, runner };
}

it('reads rate(…) expressions, and nothing else', () => {
  expect(ratePeriodMs('rate(1 hour)')).toBe(60 * MINUTE);
  expect(ratePeriodMs('rate(15 minutes)')).toBe(15 * MINUTE);
  expect(ratePeriodMs('rate(2 days)')).toBe(2 * 1440 * MINUTE);
  expect(ratePeriodMs('rate(0 hours)')).toBeUndefined();
  expect(ratePeriodMs('cron(0 * * * ? *)')).toBeUndefined();
});

it('runs the session watch once at start, as a scheduled event, then once an hour of the local clock', async () => {
  const { clock, calls, runner } = start();
  await runner.idle();
  expect(calls).toEqual([{ name: 'certiflow-watch-sessions-schedule', event: expect.objectContaining({ source: 'aws.events', 'detail-type': 'Scheduled Event' }) }]);
  clock.advance(59 * MINUTE);
  await runner.idle();
  expect(calls).toHaveLength(1);
  clock.advance(MINUTE);
  await runner.idle();
  expect(calls).toHaveLength(2);
});

it('runs once, not once per hour missed, when the clock jumps ten days', async () => {
  const { clock, calls, runner } = start();
  await runner.idle();
  clock.advance(10 * 24 * 60 * MINUTE);
  await runner.idle();
  expect(calls).toHaveLength(2);
});

it('never runs a cron expression locally', async () => {
  const { calls, runner } = start([{ ...WATCH, definition: { ...WATCH.definition, schedule: 'cron(0 * * * ? *)' } }]);
  await runner.idle();
  expect(calls).toEqual([]);
});
