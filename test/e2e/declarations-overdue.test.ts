import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidate, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const DAY = 86_400_000;

describe('a human step not done in time blocks the session with a way out; it never fails it', () => {
  let env: TestRuntime;

  beforeAll(async () => {
    env = await startTestRuntime();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('JURY-4, JURY-1, JURY-7: a juror who never declares leaves the session blocked on the eve, named; the manager adds a juror and withdraws the silent one, and the session goes on', async () => {
    const manager = await env.clientAs('managers', { sub: 'manager-f', centreId: 'centre-f' });
    const now = env.runtime.clock.now();
    const sessionId = await newSession(manager, now, 30);
    const jurors: Array<{ id: string; sub: string; name: string }> = [];
    for (const body of [jurorBody(now), jurorBody(now, { profession: 'data analyst' }), jurorBody(now, { profession: 'data engineer' })]) {
      const created = await env.certifier.createJuror(body);
      jurors.push({ id: created.data!.juror.id, sub: body.userId, name: `${body.firstName} ${body.lastName}` });
    }
    const [diligent, silent, late] = jurors as [(typeof jurors)[0], (typeof jurors)[0], (typeof jurors)[0]];
    for (const juror of [diligent, silent]) expect((await manager.assignJuror(sessionId, juror.id)).status).toBe(201);
    const registered = await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Hugo') });
    const registrationId = registered.data!.registration.id;
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'planning');
    expect((await manager.closePlanning(sessionId)).status).toBe(200);
    await eventually(() => manager.getSession(sessionId), atWait('WaitForIntakeDeadline'));

    env.runtime.clock.advance(26 * DAY);
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
    const diligentClient = await env.clientAs('jurors', { sub: diligent.sub });
    expect((await diligentClient.declareLinks(sessionId, { declarations: [{ registrationId, link: 'none' }] })).status).toBe(200);
    env.runtime.clock.advance(5 * DAY);

    const blocked = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.overdue?.step === 'declarations' && r.data.session.workflow?.currentStep === 'WaitForConflictDeclarations');
    const session = blocked.data!.session;
    expect(session.workflow?.status).toBe('RUNNING');
    expect(session.status).toBe('jury-review');
    expect(session.failure).toBeUndefined();
    expect(session.next).toMatchObject({ step: 'declarations', by: 'managers' });
    expect(session.next.waitsFor).toMatch(/^JURY-4: not every juror declared .* remind the jurors named in the blockers .* assign another juror .* withdraw a juror who will not declare/);
    expect(session.blockers.map((b) => b.message)).toEqual([`JURY-4: ${silent.name} has not yet declared on 1 candidate`]);
    const states = await new Inspector(env.runtime).statesEntered(session.workflow!.executionArn);
    expect(states.slice(-3)).toEqual(['WaitForConflictDeclarations', 'DeclarationsOverdue', 'WaitForConflictDeclarations']);

    const tooFew = await manager.withdrawJuror(sessionId, silent.id);
    expect(tooFew.status).toBe(422);
    expect(tooFew.error!.violations!.map((v) => v.ruleId)).toEqual(['JURY-1', 'JURY-4']);

    expect((await manager.assignJuror(sessionId, late.id)).status).toBe(201);
    const lateClient = await env.clientAs('jurors', { sub: late.sub });
    const declared = await lateClient.declareLinks(sessionId, { declarations: [{ registrationId, link: 'none' }] });
    expect(declared.data!.declarationsComplete).toBe(false);
    const withdrawn = await manager.withdrawJuror(sessionId, silent.id);
    expect(withdrawn.status, JSON.stringify(withdrawn.error)).toBe(200);
    expect(withdrawn.data!.declarationsComplete).toBe(true);

    // The clock is past the exam day's start already: once ready, the day opens at once and the candidate is called.
    const ready = await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.status === 'exam-day' && r.data.session.pendingStep?.registrationId === registrationId);
    expect(await new Inspector(env.runtime).statesEntered(ready.data!.session.workflow!.executionArn)).toEqual(expect.arrayContaining(['MarkReadyForExamDay', 'WaitForExamDay', 'OpenExamDay', 'WaitForCandidate']));
    expect(ready.data!.session.overdue).toBeUndefined();
    expect(ready.data!.session.jurors.map((j) => j.jurorId).sort()).toEqual([diligent.id, late.id].sort());

    const receipts = await manager.juryReceipts(sessionId);
    expect(receipts.data!.violations.filter((v) => v.message.includes("candidates' deliverables")).map((v) => v.message)).toEqual([
      expect.stringMatching(new RegExp(`^JURY-7: ${late.name} received the candidates' deliverables at .*; they were due by .*, 5 days before the session$`)),
    ]);
  });
});
