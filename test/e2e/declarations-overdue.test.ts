import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidate, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const DAY = 86_400_000;

describe('a workflow that cannot go on stops in its named failure state, with the reason on the session', () => {
  let env: TestRuntime;

  beforeAll(async () => {
    env = await startTestRuntime();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('JURY-4: jurors who never declare their links time the declarations step out; the session records it and says nothing more is awaited', async () => {
    const manager = await env.clientAs('managers', { sub: 'manager-f', centreId: 'centre-f' });
    const now = env.runtime.clock.now();
    const sessionId = await newSession(manager, now, 30);
    for (const body of [jurorBody(now), jurorBody(now, { profession: 'data analyst' })]) {
      const juror = await manager.createJuror(body);
      await manager.assignJuror(sessionId, juror.data!.juror.id);
    }
    await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Hugo') });
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'planning');
    expect((await manager.closePlanning(sessionId)).status).toBe(200);
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.workflow.currentStep === 'WaitForIntakeDeadline');

    env.runtime.clock.advance(26 * DAY);
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
    env.runtime.clock.advance(5 * DAY);

    const failed = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.workflow.status === 'FAILED');
    const session = failed.data!.session;
    expect(session.status).toBe('failed');
    expect(session.failure?.error).toBe('States.Timeout');
    expect(session.next.step).toBe('none');
    expect(session.failure?.reason).toMatch(/^JURY-4: not every juror declared their links/);
    expect(session.next.waitsFor).toBe(`nothing: ${session.failure!.reason}`);
    const states = await new Inspector(env.runtime).statesEntered(session.workflow.executionArn);
    expect(states.slice(-3)).toEqual(['WaitForConflictDeclarations', 'RecordWorkflowFailure', 'SessionWorkflowFailed']);
  });
});
