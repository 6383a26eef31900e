import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { referentialFor } from '../../shared/domain';
import type { FullRegistrationView, JurorRegistrationView } from '../../shared/use-cases/candidates/registration-views';
import { candidate, daysFromNow } from './support/fixtures';
import { decisions, morningOf, openDay, sitOral, toReadyForExam, uploadDeliverables, waitForCall } from './support/exam-day';
import { Inspector } from './support/inspect';
import { sessionInIntake, type BuiltSession } from './support/sessions';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const ALL_TYPES = ['project-report', 'practical-case-1-report', 'practical-case-2-report'];
const ref = referentialFor('RNCP34757');
const ALL = ref.competencies.map((c) => c.code);
const of = (...blocks: string[]) => ref.competencies.filter((c) => blocks.includes(c.block)).map((c) => c.code);

describe('the exam day, from the eve to the last grid (EXAM, DELIB, PV-5, RETAKE)', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let quality: CertiflowClient;
  const noah = candidate('Noah');
  let first: BuiltSession;
  let day: BuiltSession;
  let [alice, chloe, david, retaker] = [] as BuiltSession['candidates'];

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-day', centreId: 'centre-day' });
    quality = await env.clientAs('quality', { sub: 'quality-day' });
    const now = env.runtime.clock.now();
    // An earlier session where Noah validates A1 and A2: the results ledger then holds them.
    first = await sessionInIntake(env, manager, { sessionDate: daysFromNow(now, 30), registrations: [{ candidate: noah }] });
    await uploadDeliverables(env, first.sessionId, first.candidates[0]!, ALL_TYPES);
    await toReadyForExam(env, manager, first);
    await morningOf(env, manager, first.sessionId);
    expect((await manager.checkIn(first.sessionId, first.candidates[0]!.registrationId, { status: 'present' })).status).toBe(200);
    const called = await openDay(env, manager, first.sessionId);
    expect(called).toBe(first.candidates[0]!.registrationId);
    await sitOral(env, first.jurors[0]!.client, first.sessionId, called);
    const filled = await first.jurors[0]!.client.fillGrid(first.sessionId, called, { decisions: decisions(ALL, of('A1', 'A2')), reasons: 'A3 and A4 not demonstrated', recommendations: 'deploy the application and manage the project' });
    expect(filled.status, JSON.stringify(filled.error)).toBe(200);
    for (const juror of first.jurors) expect((await juror.client.signGrid(first.sessionId, called, filled.data!.grid.hash!)).status).toBe(200);
    await eventually(() => manager.getSession(first.sessionId), (r) => r.data?.session.status === 'deliberated', 15_000);
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('RETAKE-2, RETAKE-3, RETAKE-4: a retake reads the blocks held and the last session from the results ledger, not from the manager', async () => {
    const now = env.runtime.clock.now();
    const sessionId = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(now, 40), address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    const asFirst = await manager.registerCandidate(sessionId, { attempt: 'first', candidate: noah });
    expect(asFirst.status).toBe(422);
    expect(asFirst.error!.violations![0]!.message).toMatch(/^RETAKE-2: the results ledger shows Noah .* last sat RNCP34757 on \d{4}-\d{2}-\d{2}, holding A1, A2: register them as sitting again/);
    const otherBlocks = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: noah, previouslyValidatedBlocks: ['A1'], newTraining: false });
    expect(otherBlocks.error!.violations!.map((v) => v.ruleId)).toEqual(['RETAKE-3']);
    const retake = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: noah, newTraining: false });
    expect(retake.status, JSON.stringify(retake.error)).toBe(201);
    expect(retake.data!.registration).toMatchObject({ previouslyValidatedBlocks: ['A1', 'A2'], fromLedger: { sittings: [{ sessionId: first.sessionId, blocksValidated: ['A1', 'A2'] }] } });
  });

  describe('a day of 4 candidates (one with extra time, one absent, one late and allowed, one retake) and 3 jurors (one conflicted with the late one)', () => {
    const [jurorA, jurorB, jurorC] = [0, 1, 2];

    beforeAll(async () => {
      const now = env.runtime.clock.now();
      day = await sessionInIntake(env, manager, {
        sessionDate: daysFromNow(now, 30),
        jurors: 3,
        registrations: [{ candidate: candidate('Alice'), extraMinutes: 20 }, { candidate: candidate('Chloé') }, { candidate: candidate('David') }, { candidate: noah, retake: true }],
      });
      [alice, chloe, david, retaker] = day.candidates;
      for (const who of [alice!, chloe!, retaker!]) await uploadDeliverables(env, day.sessionId, who, ALL_TYPES);
      await uploadDeliverables(env, day.sessionId, david!, ['project-report', 'practical-case-1-report']);
      expect((await manager.recordDistribution(day.sessionId, { ruleId: 'DIST-4', distributedOn: daysFromNow(now, 0), recipients: 'the three jurors' })).status).toBe(201);
      await toReadyForExam(env, manager, day, { [jurorC]: [david!.registrationId] });
    });

    it('EXAM-1: the manager sets the order until the day opens; the schedule reads in the session\'s zone, 95 minutes a candidate plus extra time, the deliberation after each', async () => {
      const order = [alice!, chloe!, david!, retaker!].map((c) => c.registrationId);
      const incomplete = await manager.setCandidateOrder(day.sessionId, order.slice(1));
      expect(incomplete.status).toBe(400);
      expect(incomplete.error!.field).toBe('order');
      expect((await manager.setCandidateOrder(day.sessionId, order)).status).toBe(200);
      const schedule = (await manager.schedule(day.sessionId)).data!.schedule;
      expect(schedule.slots.map((s) => [s.order, s.candidateName.split(' ')[0], s.startAt.slice(11, 16), s.examEndAt.slice(11, 16), s.deliberationEndAt.slice(11, 16), s.segments.map((x) => x.id)])).toEqual([
        [1, 'Alice', '09:00', '10:25', '10:55', ['presentation', 'questions', 'practical-case-1-exchange', 'extra-time']],
        [2, 'Chloé', '10:55', '12:00', '12:30', ['presentation', 'questions', 'practical-case-1-exchange']],
        [3, 'David', '12:30', '13:35', '14:05', ['presentation', 'questions', 'practical-case-1-exchange']],
        [4, 'Noah', '14:05', '15:10', '15:40', ['presentation', 'questions', 'practical-case-1-exchange']],
      ]);
      expect(schedule.startsAt).toMatch(/T09:00:00\.000\+0[12]:00$/);
      const own = (await alice!.client.schedule(day.sessionId)).data!.schedule;
      expect(own.slots.map((s) => s.registrationId)).toEqual([alice!.registrationId]);
      expect((await day.jurors[jurorC]!.client.schedule(day.sessionId)).data!.schedule.slots).toHaveLength(4);
      const ics = await manager.scheduleCalendar(day.sessionId);
      expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(ics.data!.match(/BEGIN:VEVENT/g)).toHaveLength(8);
      expect(ics.data).toContain('X-WR-TIMEZONE:Europe/Paris');
      expect(ics.data).toContain('SUMMARY:Oral de Alice');
      const ownIcs = await alice!.client.scheduleCalendar(day.sessionId);
      expect(ownIcs.data!.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ownIcs.data).not.toContain('Chloé');
    });

    it('JURY-8, JURY-7, PV-5: each juror\'s dossier holds the guide, the referential, a pre-filled grid and the files of their candidates, and the draft PV; its delivery is recorded', async () => {
      const dossier = (await day.jurors[jurorC]!.client.dossier(day.sessionId)).data!.dossier;
      expect(dossier.candidates.map((c) => c.registrationId).sort()).toEqual([alice!, chloe!, retaker!].map((c) => c.registrationId).sort());
      expect(dossier.missing).toEqual([]);
      expect(dossier.guide.distributedOn).toBeDefined();
      const noahs = dossier.candidates.find((c) => c.registrationId === retaker!.registrationId)!;
      expect(noahs.blocksInScope).toEqual(['A3', 'A4']);
      expect(noahs.grid.competencies.map((c) => c.code)).toEqual(of('A3', 'A4'));
      expect(noahs.deliverables.map((d) => d.deliverableType)).toEqual(ALL_TYPES);
      expect(dossier.pv!.part1).toMatchObject({ rncpCode: 'RNCP34757', sessionDate: expect.any(String), centreAddress: '12 rue des Lilas, 69001 Lyon' });
      expect(dossier.pv!.part2.map((r) => r.firstName)).toEqual(['Alice', 'Chloé', 'David', 'Noah']);
      expect(JSON.stringify(dossier)).not.toContain('justification');
      const receipts = (await manager.juryReceipts(day.sessionId)).data!;
      expect(receipts.jurors.find((j) => j.jurorId === day.jurors[jurorC]!.id)!.downloads.map((d) => d.deliverableType)).toContain('dossier');
    });

    it('EXAM-2: extra time is announced by the start; once the day started none can be added', async () => {
      await morningOf(env, manager, day.sessionId);
      expect((await manager.setAccommodation(day.sessionId, chloe!.registrationId, { extraMinutes: 10, justification: 'tiers-temps accordé la veille' })).status).toBe(200);
      expect((await manager.checkIn(day.sessionId, alice!.registrationId, { status: 'present' })).status).toBe(200);
      expect((await manager.checkIn(day.sessionId, retaker!.registrationId, { status: 'present' })).status).toBe(200);
      const called = await openDay(env, manager, day.sessionId);
      expect(called).toBe(alice!.registrationId);
      const stages = (await manager.schedule(day.sessionId)).data!.schedule.slots.map((s) => [s.candidateName.split(' ')[0], s.stage]);
      expect(stages, 'EXAM-1: the schedule says where each day stands, so a console reloaded on the day still knows').toEqual([
        ['Alice', 'present'],
        ['Chloé', 'expected'],
        ['David', 'expected'],
        ['Noah', 'present'],
      ]);
      const late = await manager.setAccommodation(day.sessionId, david!.registrationId, { extraMinutes: 10, justification: 'demandé le jour même' });
      expect(late.status).toBe(422);
      expect(late.error!.violations![0]!.message).toMatch(/^EXAM-2: extra time is announced by the start of the session, .*; it can no longer be added$/);
    });

    it('steps out of order are refused naming the state and the rule, and write nothing', async () => {
      const before = await inspect.allItems();
      const second = await manager.checkIn(day.sessionId, alice!.registrationId, { status: 'present' });
      expect([second.status, second.error!.violations![0]!.ruleId]).toEqual([409, 'EXAM-4']);
      const notCalled = await day.jurors[jurorA]!.client.runOral(day.sessionId, retaker!.registrationId, 'start');
      expect(notCalled.status).toBe(409);
      expect(notCalled.error!.message).toMatch(/^EXAM-1: the jury hears Alice .* now; Noah .*'s turn comes in the day's order$/);
      const gridFirst = await day.jurors[jurorA]!.client.fillGrid(day.sessionId, alice!.registrationId, { decisions: decisions(ALL, ALL) });
      expect([gridFirst.status, gridFirst.error!.violations![0]!.ruleId]).toEqual([409, 'DELIB-6']);
      const absentOral = await manager.checkIn(day.sessionId, chloe!.registrationId, { status: 'absent' });
      expect(absentOral.status).toBe(200);
      const afterAbsent = await inspect.allItems();
      const noOral = await manager.runOral(day.sessionId, chloe!.registrationId, 'start');
      expect([noOral.status, noOral.error!.violations![0]!.ruleId]).toEqual([409, 'EXAM-1']);
      expect(before.length).toBeLessThan(afterAbsent.length);
      expect((await inspect.allItems()).length).toBe(afterAbsent.length);
    });

    it('EXAM-1, EXAM-2: Alice\'s oral runs 30 + 30 + 5 minutes and her 20 extra minutes; a segment is not shortened, the oral not lengthened', async () => {
      const clock = day.jurors[jurorA]!.client;
      const started = await clock.runOral(day.sessionId, alice!.registrationId, 'start');
      expect(started.status, JSON.stringify(started.error)).toBe(200);
      const segments = started.data!.exam.oral!.segments;
      expect(segments.map((x) => x.segmentId)).toEqual(['presentation', 'questions', 'practical-case-1-exchange', 'extra-time']);
      expect(new Date(started.data!.exam.oral!.plannedEndAt).getTime() - new Date(started.data!.exam.oral!.startedAt).getTime()).toBe(85 * 60_000);
      const early = await clock.runOral(day.sessionId, alice!.registrationId, 'end-segment');
      expect([early.status, early.error!.violations![0]!.ruleId]).toEqual([422, 'EXAM-2']);
      const longer = await manager.runOral(day.sessionId, alice!.registrationId, 'extend');
      expect([longer.status, longer.error!.violations![0]!.ruleId]).toEqual([422, 'EXAM-2']);
      for (const segment of segments) {
        env.advanceTo(new Date(segment.plannedEndAt));
        expect((await clock.runOral(day.sessionId, alice!.registrationId, 'end-segment')).status).toBe(200);
      }
      expect((await manager.grid(day.sessionId, alice!.registrationId)).data!.grid.stage).toBe('oral-ended');
    });

    it('DELIB-1, DELIB-4: the jury fills Alice\'s grid; a signature on a changed grid is refused; two jurors signing at once both count; the last signature deliberates her', async () => {
      const [a, b, c] = day.jurors.map((j) => j.client);
      const draft = await c!.fillGrid(day.sessionId, alice!.registrationId, { decisions: decisions(ALL, ALL.filter((x) => x !== 'C3')), reasons: 'C3 not shown', recommendations: 'document the data pipeline' });
      expect(draft.status, JSON.stringify(draft.error)).toBe(200);
      const partial = { ...decisions(ALL, ALL), C4: 'partly' };
      const refused = await c!.fillGrid(day.sessionId, alice!.registrationId, { decisions: partial as never });
      expect([refused.status, refused.error!.field]).toEqual([400, 'decisions.C4']);
      const final = await c!.fillGrid(day.sessionId, alice!.registrationId, { decisions: decisions(ALL, ALL) });
      expect(final.data!.grid).toMatchObject({ revision: 2, signatures: [] });
      expect(final.data!.grid.signers.sort()).toEqual(day.jurors.map((j) => j.id).sort());
      const stale = await a!.signGrid(day.sessionId, alice!.registrationId, draft.data!.grid.hash!);
      expect(stale.status).toBe(409);
      expect(stale.error!.message).toMatch(/^the grid changed since you read it/);
      const [first, second] = await Promise.all([a!.signGrid(day.sessionId, alice!.registrationId, final.data!.grid.hash!), b!.signGrid(day.sessionId, alice!.registrationId, final.data!.grid.hash!)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const signed = (await manager.grid(day.sessionId, alice!.registrationId)).data!.grid;
      expect(signed.signatures.map((x) => x.jurorId).sort()).toEqual([day.jurors[jurorA]!.id, day.jurors[jurorB]!.id].sort());
      const last = await c!.signGrid(day.sessionId, alice!.registrationId, final.data!.grid.hash!, { idempotencyKey: 'last-signature' });
      expect(last.status, JSON.stringify(last.error)).toBe(200);
      expect(last.data!.grid).toMatchObject({ stage: 'deliberated', outcome: { result: 'admitted', titleObtained: true } });
      const replay = await c!.signGrid(day.sessionId, alice!.registrationId, final.data!.grid.hash!, { idempotencyKey: 'last-signature' });
      expect(replay.data!.grid.signatures).toHaveLength(3);
      const again = await c!.signGrid(day.sessionId, alice!.registrationId, final.data!.grid.hash!);
      expect([again.status, again.data!.grid.signatures.length]).toEqual([200, 3]);
      const pv = (await manager.pv(day.sessionId)).data!.pv;
      expect(pv.part2[0]).toMatchObject({ firstName: 'Alice', result: 'admitted', blocksValidated: ['A1', 'A2', 'A3', 'A4'] });
    });

    it("EXAM-3: a lateness decision for David in time is refused; he arrives after his slot's start: the manager's decision is needed; allowed, his oral ends with his slot", async () => {
      await waitForCall(manager, day.sessionId, david!.registrationId);
      const slot = (await manager.schedule(day.sessionId)).data!.schedule.slots.find((x) => x.registrationId === david!.registrationId)!;
      expect(env.runtime.clock.now().getTime()).toBeLessThan(new Date(slot.startAt).getTime());
      const decidedInTime = await manager.checkIn(day.sessionId, david!.registrationId, { status: 'present', decision: 'refused' });
      expect([decidedInTime.status, decidedInTime.error!.violations![0]!.ruleId], 'a refusal meant for a late arrival never records one in time').toEqual([422, 'EXAM-3']);
      expect((await manager.schedule(day.sessionId)).data!.schedule.slots.find((x) => x.registrationId === david!.registrationId)!.stage).toBe('expected');
      env.advanceTo(new Date(new Date(slot.startAt).getTime() + 10 * 60_000));
      const undecided = await manager.checkIn(day.sessionId, david!.registrationId, { status: 'present' });
      expect([undecided.status, undecided.error!.violations![0]!.ruleId]).toEqual([422, 'EXAM-3']);
      expect((await manager.checkIn(day.sessionId, david!.registrationId, { status: 'present', decision: 'allowed' })).status).toBe(200);
      const started = await manager.runOral(day.sessionId, david!.registrationId, 'start');
      expect(started.data!.exam.oral!.plannedEndAt).toBe(slot.examEndAt);
      for (const segment of started.data!.exam.oral!.segments) {
        env.advanceTo(new Date(segment.plannedEndAt));
        expect((await manager.runOral(day.sessionId, david!.registrationId, 'end-segment')).status).toBe(200);
      }
    });

    it("EXAM-1, EXAM-3, EXAM-4: after a reload the manager and the quality committee read each candidate's exam record with the registrations, as the exam-day POSTs returned it", async () => {
      const registrations = (await manager.listRegistrations(day.sessionId)).data!.registrations as FullRegistrationView[];
      const exam = (who: BuiltSession['candidates'][number]) => registrations.find((r) => r.id === who.registrationId)!.exam;
      const zoned = expect.stringMatching(/T\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
      expect(exam(alice!)).toMatchObject({ registrationId: alice!.registrationId, stage: 'deliberated', checkIn: { at: zoned, by: 'manager-day', late: false } });
      expect(exam(alice!)!.oral!.segments.map((s) => [s.segmentId, s.startedAt !== undefined, s.endedAt !== undefined])).toEqual(
        ['presentation', 'questions', 'practical-case-1-exchange', 'extra-time'].map((id) => [id, true, true]),
      );
      expect(exam(chloe!)).toMatchObject({ stage: 'absent', checkIn: { late: false }, absence: { ruleId: 'EXAM-4' } });
      const slot = (await manager.schedule(day.sessionId)).data!.schedule.slots.find((x) => x.registrationId === david!.registrationId)!;
      expect(exam(david!)).toMatchObject({ stage: 'oral-ended', checkIn: { at: zoned, late: true, decision: 'allowed' }, oral: { plannedEndAt: slot.examEndAt, endedAt: zoned } });
      expect(exam(david!)).not.toHaveProperty('identityCheck');
      expect(exam(retaker!)).toMatchObject({ stage: 'present', checkIn: { late: false } });
      expect(exam(retaker!)).not.toHaveProperty('oral');
      expect(((await quality.listRegistrations(day.sessionId)).data!.registrations as FullRegistrationView[]).map((r) => r.exam)).toEqual(registrations.map((r) => r.exam));
    });

    it("JURY-4, PV-4: after a reload a juror reads their own declarations, the stage alone of the candidates they evaluate, none for the one they declared a link with, and which juror they are", async () => {
      const asC = (await day.jurors[jurorC]!.client.listRegistrations(day.sessionId)).data!.registrations as JurorRegistrationView[];
      const seen = (views: JurorRegistrationView[], who: BuiltSession['candidates'][number]) => views.find((r) => r.id === who.registrationId)!;
      expect([alice!, chloe!, david!, retaker!].map((who) => [seen(asC, who).exam, seen(asC, who).myDeclaration?.link])).toEqual([
        [{ stage: 'deliberated' }, 'none'],
        [{ stage: 'absent' }, 'none'],
        [undefined, 'professional'],
        [{ stage: 'present' }, 'none'],
      ]);
      expect(seen(asC, david!).myDeclaration!.declaredAt).toMatch(/\+0[12]:00$/);
      for (const hidden of ['checkIn', 'identityCheck', 'segments', 'absence', 'justification', 'email']) expect(JSON.stringify(asC)).not.toContain(hidden);
      const asA = (await day.jurors[jurorA]!.client.listRegistrations(day.sessionId)).data!.registrations as JurorRegistrationView[];
      expect(seen(asA, david!)).toMatchObject({ exam: { stage: 'oral-ended' }, myDeclaration: { link: 'none' } });
      const session = (await day.jurors[jurorC]!.client.getSession(day.sessionId)).data!.session;
      expect(session.you).toEqual({ jurorId: day.jurors[jurorC]!.id });
      expect(session.jurors.map((j) => j.jurorId)).toContain(session.you!.jurorId);
      expect(session).not.toHaveProperty('trainers');
      const asManager = (await manager.getSession(day.sessionId)).data!.session;
      expect(asManager).not.toHaveProperty('you');
      expect(asManager.trainers).toEqual([]);
    });

    it('JURY-4, DELIB-5, DELIB-6: a conflicted juror neither reads nor fills David\'s grid; without his case 2 report C17 cannot be acquired; a partial result needs reasons', async () => {
      const [a, b, c] = day.jurors.map((j) => j.client);
      expect((await c!.grid(day.sessionId, david!.registrationId)).status).toBe(403);
      expect((await c!.fillGrid(day.sessionId, david!.registrationId, { decisions: decisions(ALL, ALL) })).error!.message).toMatch(/^JURY-4/);
      const grid = (await a!.grid(day.sessionId, david!.registrationId)).data!.grid;
      expect(grid.signers.sort()).toEqual([day.jurors[jurorA]!.id, day.jurors[jurorB]!.id].sort());
      expect(grid.competencies.find((x) => x.code === 'C17')?.unacquirableBecause).toBe('DELIB-6: the practical case 2 report is missing from the jury set');
      const acquired = await a!.fillGrid(day.sessionId, david!.registrationId, { decisions: decisions(ALL, ALL) });
      expect(acquired.error!.violations!.map((v) => v.ruleId)).toEqual(['DELIB-6']);
      const noReasons = await a!.fillGrid(day.sessionId, david!.registrationId, { decisions: decisions(ALL, ALL.filter((x) => x !== 'C17')) });
      expect(noReasons.error!.violations!.map((v) => v.ruleId), JSON.stringify(noReasons.error)).toEqual(['DELIB-5', 'DELIB-5']);
      const filled = await a!.fillGrid(day.sessionId, david!.registrationId, { decisions: decisions(ALL, ALL.filter((x) => x !== 'C17')), reasons: 'no practical case 2 report', recommendations: 'hand in the technology watch' });
      for (const juror of [a!, b!]) expect((await juror.signGrid(day.sessionId, david!.registrationId, filled.data!.grid.hash!)).status).toBe(200);
      expect((await manager.grid(day.sessionId, david!.registrationId)).data!.grid.outcome).toMatchObject({ result: 'partially-admitted', blocksValidated: ['A1', 'A2', 'A3'] });
    });

    it('JURY-5, JURY-6, EXAM-6, RETAKE-3: during Noah\'s oral a juror leaves and a breach is raised; a late link goes to the committee; Noah is judged on A3 and A4 only and obtains the title', async () => {
      const [a, b, c] = day.jurors.map((j) => j.client);
      await waitForCall(manager, day.sessionId, retaker!.registrationId);
      expect((await manager.getSession(day.sessionId)).data!.session.next).toMatchObject({ step: 'candidate', waitsFor: expect.stringMatching(/^Noah .*'s exam and deliberation/) });
      const started = await c!.runOral(day.sessionId, retaker!.registrationId, 'start');
      expect(started.data!.exam.oral!.segments.map((x) => x.segmentId)).toEqual(['presentation', 'questions', 'practical-case-1-exchange']);
      const absence = await manager.reportIncident(day.sessionId, { kind: 'juror-absence', jurorId: day.jurors[jurorB]!.id, description: 'left the room for a phone call' });
      expect(absence.data!.incident).toMatchObject({ routedTo: 'quality-committee', notice: { ruleId: 'JURY-6' }, reportedBy: { role: 'session-manager', userId: 'manager-day' } });
      const breach = await a!.reportIncident(day.sessionId, { kind: 'breach', state: 'avoidable', description: 'a phone is ringing in the room', registrationId: retaker!.registrationId });
      expect(breach.data!.incident).toMatchObject({ routedTo: 'session-manager', notice: { ruleId: 'EXAM-6' } });
      const late = await a!.declareLinks(day.sessionId, { declarations: [{ registrationId: retaker!.registrationId, link: 'personal', description: 'neighbour' }] });
      expect(late.data!.lateConflicts).toEqual([expect.objectContaining({ kind: 'late-conflict', routedTo: 'quality-committee', notice: expect.objectContaining({ ruleId: 'JURY-5' }) })]);
      expect(late.data!.lateConflicts[0]!.description).toBe('personal link declared late: neighbour');
      expect(late.data!.lateConflicts[0]).not.toHaveProperty('descriptionFr');
      for (const segment of started.data!.exam.oral!.segments) {
        env.advanceTo(new Date(segment.plannedEndAt));
        expect((await c!.runOral(day.sessionId, retaker!.registrationId, 'end-segment')).status).toBe(200);
      }
      const outOfScope = await c!.fillGrid(day.sessionId, retaker!.registrationId, { decisions: decisions(of('A1', 'A3', 'A4'), of('A1', 'A3', 'A4')) });
      expect(outOfScope.error!.violations!.map((v) => v.ruleId)).toEqual(expect.arrayContaining(['DELIB-7']));
      const filled = await c!.fillGrid(day.sessionId, retaker!.registrationId, { decisions: decisions(of('A3', 'A4'), of('A3', 'A4')) });
      expect(filled.data!.grid).toMatchObject({ blocksInScope: ['A3', 'A4'], blocksValidatedEarlier: ['A1', 'A2'] });
      expect(filled.data!.grid.signers.sort()).toEqual([day.jurors[jurorA]!.id, day.jurors[jurorC]!.id].sort());
      expect((await b!.signGrid(day.sessionId, retaker!.registrationId, filled.data!.grid.hash!)).error!.message).toMatch(/^JURY-6/);
      for (const juror of [a!, c!]) expect((await juror.signGrid(day.sessionId, retaker!.registrationId, filled.data!.grid.hash!)).status).toBe(200);
      expect((await quality.grid(day.sessionId, retaker!.registrationId)).data!.grid.outcome).toMatchObject({ result: 'admitted', titleObtained: true, blocksValidatedNow: ['A3', 'A4'], blocksValidatedEarlier: ['A1', 'A2'] });
    });

    it('PV-2, PV-3, EXAM-4: the day closes once every candidate is deliberated or absent; the PV lists all four with their results and counts; the workflow waits for the seal', async () => {
      const closed = await eventually(() => manager.getSession(day.sessionId), (r) => r.data?.session.status === 'deliberated' && r.data.session.workflow?.currentStep === 'WaitForPvSeal', 15_000);
      expect(closed.data!.session.workflow?.status).toBe('RUNNING');
      expect(closed.data!.session.next).toMatchObject({ step: 'pv-seal', by: 'managers' });
      const pv = (await day.jurors[jurorA]!.client.pv(day.sessionId)).data!.pv;
      expect(pv.part2.map((r) => [r.firstName, r.result])).toEqual([
        ['Alice', 'admitted'],
        ['Chloé', 'absent'],
        ['David', 'partially-admitted'],
        ['Noah', 'admitted'],
      ]);
      expect(pv.part1.counts).toEqual({ registered: 4, absent: 1, admitted: 2, partiallyAdmitted: 1, notAdmitted: 0 });
      expect(pv.part3.jurors).toHaveLength(3);
      const incidents = (await quality.incidents(day.sessionId)).data!.incidents;
      expect(incidents.map((i) => [i.kind, i.routedTo]).sort()).toEqual([
        ['breach', 'session-manager'],
        ['juror-absence', 'quality-committee'],
        ['late-conflict', 'quality-committee'],
      ]);
      // QUAL-2: what was routed to the committee waits in its queue beside the appeals; a rejection takes a case out, with its reason on record.
      const queued = async () => (await quality.committeeCases({ limit: 100 })).data!.items.filter((c) => c.sessionId === day.sessionId);
      expect((await queued()).map((c) => c.kind).sort()).toEqual(['juror-absence', 'late-conflict']);
      const inFrench = (await quality.speaking('fr').committeeCases({ limit: 100 })).data!.items.filter((c) => c.sessionId === day.sessionId);
      expect(inFrench.map((c) => [c.kind, c.summary]).sort()).toEqual([
        ['juror-absence', 'left the room for a phone call'],
        ['late-conflict', 'lien personnel déclaré tardivement : neighbour'],
      ]);
      const absence = (await queued()).find((c) => c.kind === 'juror-absence')!;
      expect(absence.notice?.ruleId).toBe('JURY-6');
      const rejected = await quality.decideCases(day.sessionId, { caseIds: [absence.caseId], outcome: 'rejected', reason: 'Absence de cinq minutes, la délibération a eu lieu à deux jurés habilités.' });
      expect(rejected.status, JSON.stringify(rejected.error)).toBe(201);
      expect(rejected.data!.decision).toMatchObject({ outcome: 'rejected', caseIds: [absence.caseId] });
      expect((await queued()).map((c) => c.kind)).toEqual(['late-conflict']);
      expect((await manager.decideCases(day.sessionId, { caseIds: [absence.caseId], outcome: 'rejected', reason: 'le manager ne décide pas' })).status).toBe(403);
      expect((await alice!.client.grid(day.sessionId, alice!.registrationId)).status).toBe(403);
      const sessionId = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(env.runtime.clock.now(), 40), address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
      const nothingLeft = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: noah, newTraining: false });
      expect(nothingLeft.error!.violations!.map((v) => v.message)).toEqual([expect.stringMatching(/^RETAKE-2: every block of RNCP34757 is already validated/)]);
    });
  });

  it('the earlier session ended with Noah partially admitted on its PV, its counts complete, and the workflow waiting for the seal, overdue after a week', async () => {
    const pv = await manager.pv(first.sessionId);
    expect(pv.data!.pv.part1.counts).toEqual({ registered: 1, absent: 0, admitted: 0, partiallyAdmitted: 1, notAdmitted: 0 });
    expect(pv.data!.pv.part2).toEqual([expect.objectContaining({ result: 'partially-admitted', blocksValidated: ['A1', 'A2'], reasons: 'A3 and A4 not demonstrated' })]);
    const session = await manager.getSession(first.sessionId);
    expect(session.data!.session.workflow?.currentStep).toBe('WaitForPvSeal');
    const states = await inspect.statesEntered(session.data!.session.workflow!.executionArn);
    const fromEve = states.slice(states.indexOf('MarkReadyForExamDay'));
    expect(fromEve.slice(0, 10)).toEqual([
      'MarkReadyForExamDay',
      'WaitForExamDay',
      'OpenExamDay',
      'NextCandidate',
      'AnyCandidateLeft',
      'WaitForCandidate',
      'NextCandidate',
      'AnyCandidateLeft',
      'CloseExamDay',
      'WaitForPvSeal',
    ]);
    expect(new Set(fromEve.slice(10))).toEqual(new Set(['PvSealOverdue', 'WaitForPvSeal']));
    expect(session.data!.session.workflow?.status).toBe('RUNNING');
    expect(session.data!.session.overdue?.reason).toMatch(/^the PV of session .* has not been signed and sealed within a week of the exam day/);
  });
});
