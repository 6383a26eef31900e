import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { referentialFor } from '../../shared/domain';
import { daysFromNow } from './support/fixtures';
import { decisions, morningOf, openDay, sitOral, toReadyForExam, waitForCall } from './support/exam-day';
import { Inspector } from './support/inspect';
import { sessionInIntake } from './support/sessions';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const ALL = referentialFor('RNCP34757').competencies.map((c) => c.code);

describe('a restart in the middle of the exam day redoes nothing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'certiflow-restart-day-'));
  let env: TestRuntime | undefined;

  afterAll(async () => {
    await env?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('EXAM-1: the first candidate deliberated and the second in oral, the runtime restarts; the workflow waits for the second again, and the day ends with each candidate called once', async () => {
    env = await startTestRuntime({ dataDir });
    const manager = await env.clientAs('managers', { sub: 'manager-restart', centreId: 'centre-restart' });
    const built = await sessionInIntake(env, manager, { sessionDate: daysFromNow(env.runtime.clock.now(), 30), candidates: 2 });
    const [first, second] = built.candidates;
    await toReadyForExam(env, manager, built);
    await morningOf(env, manager, built.sessionId);
    for (const candidate of [first!, second!]) expect((await manager.checkIn(built.sessionId, candidate.registrationId, { status: 'present' })).status).toBe(200);
    expect(await openDay(env, manager, built.sessionId)).toBe(first!.registrationId);
    await sitOral(env, built.jurors[0]!.client, built.sessionId, first!.registrationId);
    const grid = await built.jurors[0]!.client.fillGrid(built.sessionId, first!.registrationId, { decisions: decisions(ALL, []), reasons: 'no deliverable reached the jury', recommendations: 'hand in the reports' });
    for (const juror of built.jurors) expect((await juror.client.signGrid(built.sessionId, first!.registrationId, grid.data!.grid.hash!)).status).toBe(200);
    await waitForCall(manager, built.sessionId, second!.registrationId);
    expect((await built.jurors[1]!.client.runOral(built.sessionId, second!.registrationId, 'start')).status).toBe(200);

    // The same ports: the SDK clients of this process keep the endpoints they were made with, as a Lambda keeps its own.
    const port = (url: string) => Number(new URL(url).port);
    const { api, dynamodb, s3, stepFunctions } = env.runtime.urls;
    await env.stop();
    env = await startTestRuntime({ dataDir, ports: { api: port(api), dynamodb: port(dynamodb), s3: port(s3), stepFunctions: port(stepFunctions) } });
    const restarted = await env.clientAs('managers', { sub: 'manager-restart', centreId: 'centre-restart' });
    const resumed = await eventually(() => restarted.getSession(built.sessionId), (r) => r.data?.session.pendingStep?.registrationId === second!.registrationId && r.data.session.workflow?.currentStep === 'WaitForCandidate', 15_000);
    expect(resumed.data!.session.status).toBe('exam-day');
    const [a, b] = await Promise.all(built.jurors.map((j) => env!.clientAs('jurors', { sub: j.userId })));
    const exam = (await restarted.grid(built.sessionId, second!.registrationId)).data!.grid;
    expect(exam.stage).toBe('in-oral');
    let stage = exam.stage;
    while (stage === 'in-oral') {
      env.runtime.clock.advance(31 * 60_000);
      const ended = await b!.runOral(built.sessionId, second!.registrationId, 'end-segment');
      expect(ended.status, JSON.stringify(ended.error)).toBe(200);
      stage = ended.data!.exam.stage;
    }
    const filled = await b!.fillGrid(built.sessionId, second!.registrationId, { decisions: decisions(ALL, []), reasons: 'no deliverable reached the jury', recommendations: 'hand in the reports' });
    for (const juror of [a!, b!]) expect((await juror.signGrid(built.sessionId, second!.registrationId, filled.data!.grid.hash!)).status).toBe(200);
    const closed = await eventually(() => restarted.getSession(built.sessionId), atWait('WaitForPvSeal'), 15_000);
    const inspect = new Inspector(env.runtime);
    const states = await inspect.statesEntered(closed.data!.session.workflow!.executionArn);
    expect(states.filter((name) => name === 'NextCandidate')).toHaveLength(3);
    const actions = (await inspect.partition(`AUDIT#SESSION#${built.sessionId}`)).map((item) => item.action);
    expect(actions.filter((action) => action === 'candidate.deliberated')).toHaveLength(2);
    expect(actions.filter((action) => action === 'exam.oral-start')).toHaveLength(2);
    expect((await restarted.pv(built.sessionId)).data!.pv.part1.counts).toEqual({ registered: 2, absent: 0, admitted: 0, partiallyAdmitted: 0, notAdmitted: 2 });
  });
});
