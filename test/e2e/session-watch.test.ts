import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleFunction } from '../../shared/wiring/functions';
import { SCHEDULES } from '../../shared/wiring/schedules';
import { candidate, newSession } from './support/fixtures';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const WATCH = scheduleFunction(SCHEDULES.find((schedule) => schedule.id === 'WatchSessions')!);

describe('the hourly session watch, on the local runtime', () => {
  let env: TestRuntime;

  beforeAll(async () => {
    env = await startTestRuntime();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('DELIV-4, DIST-4, PV-6: counts the open sessions at risk, and follows the local clock', async () => {
    await env.runtime.schedulesIdle();
    expect(await env.runtime.invoke(WATCH.name, {})).toEqual({ watched: 0, intakeAtRisk: 0, distributionOverdue: 0, stepOverdue: 0, pvNotSealed: 0 });

    const manager = await env.clientAs('managers', { sub: 'manager-w', centreId: 'centre-w' });
    const sessionId = await newSession(manager, env.runtime.clock.now(), 7);
    expect((await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Inès') })).status).toBe(201);
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'planning');

    expect(await env.runtime.invoke(WATCH.name, {})).toEqual({ watched: 1, intakeAtRisk: 1, distributionOverdue: 1, stepOverdue: 0, pvNotSealed: 0 });

    env.advanceDays(8);
    await env.runtime.schedulesIdle();
    expect(await env.runtime.invoke(WATCH.name, {})).toEqual({ watched: 1, intakeAtRisk: 0, distributionOverdue: 1, stepOverdue: 0, pvNotSealed: 1 });
  });
});
