import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { candidate, daysFromNow, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

describe('session planning, from creation to intake', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let now: Date;

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-1', centreId: 'centre-lyon' });
    now = env.runtime.clock.now();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('JURY-1, JURY-2, RETAKE-2, RETAKE-4: 3 candidates (one a retake with A1 and A2 validated 8 months earlier) and 2 valid jurors go from creation to intake', async () => {
    const sessionId = await newSession(manager, now);
    const jurors = [];
    for (const overrides of [{}, { profession: 'data engineer' }]) {
      const created = await env.certifier.createJuror(jurorBody(now, overrides));
      expect(created.error).toBeUndefined();
      expect(created.status).toBe(201);
      jurors.push(created.data!.juror);
    }
    for (const juror of jurors) {
      const assigned = await manager.assignJuror(sessionId, juror.id);
      expect(assigned.error).toBeUndefined();
      expect(assigned.status).toBe(201);
    }
    expect((await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Alice') })).status).toBe(201);
    expect((await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Bruno') })).status).toBe(201);
    const retake = await manager.registerCandidate(sessionId, {
      attempt: 'retake',
      candidate: candidate('Chloé'),
      previouslyValidatedBlocks: ['A1', 'A2'],
      previousSessionDate: daysFromNow(now, -240),
      newTraining: false,
    });
    expect(retake.error).toBeUndefined();
    expect(retake.status).toBe(201);

    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
    const before = await manager.getSession(sessionId);
    expect(before.data!.session.blockers).toEqual([]);

    const closed = await manager.closePlanning(sessionId);
    expect(closed.status).toBe(200);
    const inIntake = await eventually(() => manager.getSession(sessionId), atWait('WaitForIntakeDeadline'));
    const session = inIntake.data!.session;
    expect(session.status).toBe('intake');
    // DELIV-4: intake closes at 00:00 of D−5 in the session's zone (Europe/Paris by default), shown with its offset.
    expect(session.intake?.closesAt).toMatch(new RegExp(`^${daysFromNow(now, 85)}T00:00:00\\.000\\+0[12]:00$`));
    expect(session.timeZone).toBe('Europe/Paris');
    expect(session.next).toMatchObject({ step: 'intake-deadline' });
    expect(await inspect.statesEntered(session.workflow!.executionArn)).toEqual([
      'OpenPlanning',
      'WaitForPlanning',
      'CheckJuryAndRegistrations',
      'PlanningAccepted',
      'OpenIntake',
      'WaitForIntakeDeadline',
    ]);
  });
});
