import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CENTRE, seedDemo, type Demo } from '../../local/demo/seed-demo';
import { startTestRuntime, type TestRuntime } from './support/test-runtime';

describe('the demo a newcomer sees at once', () => {
  let env: TestRuntime;
  let demo: Demo;

  beforeAll(async () => {
    env = await startTestRuntime();
    demo = await seedDemo(env.runtime);
  }, 180_000);
  afterAll(async () => env?.stop());

  it('EXAM-1, EXAM-4: one session is on its exam day, every candidate checked in and the first one called; the jury sat with its two habilitated jurors', async () => {
    const manager = await env.clientAs('managers', { sub: 'demo-manager', centreId: DEMO_CENTRE });
    const session = (await manager.getSession(demo.examDaySessionId)).data!.session;
    expect(session).toMatchObject({ status: 'exam-day', centreId: DEMO_CENTRE, candidates: 3, blockers: [] });
    expect(session.workflow?.currentStep).toBe('WaitForCandidate');
    expect(session.jurors.map((j) => j.firstName).sort()).toEqual(['Camille', 'Karim']);
    const juror = await env.clientAs('jurors', { sub: 'demo-juror-camille' });
    expect((await juror.getSession(demo.examDaySessionId)).status).toBe(200);
  });

  it('RETAKE-2: the retake keeps the blocks validated earlier; DELIV-4: the other session is in intake, its deadline ahead', async () => {
    const manager = await env.clientAs('managers', { sub: 'demo-manager', centreId: DEMO_CENTRE });
    const registrations = (await manager.listRegistrations(demo.examDaySessionId)).data!.registrations;
    expect(registrations.find((r) => r.candidate.firstName === 'Chloé')).toMatchObject({ attempt: 'retake', previouslyValidatedBlocks: ['A1', 'A2'] });
    const open = (await manager.getSession(demo.intakeSessionId)).data!.session;
    expect(open.status).toBe('intake');
    expect(new Date(open.intake!.closesAt).getTime()).toBeGreaterThan(env.runtime.clock.now().getTime());
  });

  it('DIST-1..DIST-7: both sessions have their cohort, so their deadlines show; what went out before the cohort is recorded, the jury and the day are left to record', async () => {
    const manager = await env.clientAs('managers', { sub: 'demo-manager', centreId: DEMO_CENTRE });
    for (const sessionId of [demo.examDaySessionId, demo.intakeSessionId]) {
      const { distributions } = (await manager.distributionStatus(sessionId)).data!;
      expect(distributions.filter((d) => d.state === 'done').map((d) => d.ruleId).sort(), sessionId).toEqual(['DIST-1', 'DIST-2', 'DIST-3', 'DIST-5', 'DIST-6']);
      expect(distributions.filter((d) => d.state !== 'done').map((d) => d.ruleId).sort(), sessionId).toEqual(['DIST-4', 'DIST-7']);
    }
  });

  it('names every person of the demo with the role their token carries, a manager with the centre', () => {
    expect(new Set(demo.people.map((p) => p.role))).toEqual(new Set(['certifiers', 'managers', 'quality', 'jurors', 'candidates']));
    expect(demo.people.filter((p) => p.role === 'candidates')).toHaveLength(5);
    expect(demo.people.find((p) => p.role === 'managers')?.centreId).toBe(DEMO_CENTRE);
  });
});
