import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { candidate, daysFromNow, jurorBody } from './support/fixtures';
import { pdfWithPages, postToPresigned } from './support/pdf';
import { sessionInIntake, type BuiltSession } from './support/sessions';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const MINUTE = 60_000;

/** Three sessions whose intake closes at 00:00 local of D−5, on both sides of a daylight-saving change and overseas. */
const CLOSINGS = [
  { name: 'Europe/Paris before the change to summer time', sessionDate: '2027-04-01', timeZone: 'Europe/Paris', closesAt: '2027-03-27T00:00:00.000+01:00', utc: '2027-03-26T23:00:00.000Z', sentence: '2027-03-27 00:00 (Europe/Paris, UTC+01:00)' },
  { name: 'Europe/Paris after the change to summer time', sessionDate: '2027-04-03', timeZone: 'Europe/Paris', closesAt: '2027-03-29T00:00:00.000+02:00', utc: '2027-03-28T22:00:00.000Z', sentence: '2027-03-29 00:00 (Europe/Paris, UTC+02:00)' },
  { name: 'America/Guadeloupe', sessionDate: '2027-04-05', timeZone: 'America/Guadeloupe', closesAt: '2027-03-31T00:00:00.000-04:00', utc: '2027-03-31T04:00:00.000Z', sentence: '2027-03-31 00:00 (America/Guadeloupe, UTC-04:00)' },
] as const;

describe("the session's own calendar (RULES.md, Calendar)", () => {
  let env: TestRuntime;
  let manager: CertiflowClient;
  const built: BuiltSession[] = [];

  beforeAll(async () => {
    env = await startTestRuntime();
    manager = await env.clientAs('managers', { sub: 'manager-calendar', centreId: 'centre-calendar' });
    for (const closing of CLOSINGS) built.push(await sessionInIntake(env, manager, { sessionDate: closing.sessionDate, timeZone: closing.timeZone }));
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('instants come back in the session\'s zone with their offset; a zone is changed while planning, and an unknown one is refused naming the field', async () => {
    const guadeloupe = await manager.getSession(built[2]!.sessionId);
    expect(guadeloupe.data!.session.timeZone).toBe('America/Guadeloupe');
    expect(guadeloupe.data!.session.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/);
    expect(guadeloupe.data!.session.intake?.closesAt).toBe(CLOSINGS[2].closesAt);

    const created = await manager.createSession({ titleCode: 'RNCP34757', sessionDate: '2027-09-20', address: '5 rue Schœlcher, 97200 Fort-de-France' });
    expect(created.data!.session.timeZone).toBe('Europe/Paris');
    expect(created.data!.session.startTime).toBe('09:00');
    const sessionId = created.data!.session.id;
    await eventually(() => manager.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
    const current = await manager.getSession(sessionId);
    const wrong = await manager.updateSession(sessionId, { timeZone: 'America/Fort-de-France' }, { ifMatch: current.data!.session.version });
    expect(wrong.status).toBe(400);
    expect(wrong.error!.field).toBe('timeZone');
    const moved = await manager.updateSession(sessionId, { timeZone: 'America/Martinique', startTime: '08:30' }, { ifMatch: current.data!.session.version });
    expect(moved.status, JSON.stringify(moved.error)).toBe(200);
    expect(moved.data!.session).toMatchObject({ timeZone: 'America/Martinique', startTime: '08:30' });
    expect(moved.data!.session.updatedAt).toMatch(/-04:00$/);
  });

  for (const [index, closing] of CLOSINGS.entries()) {
    it(`DELIV-4, DELIV-5: ${closing.name}: intake closes at 00:00 of D−5 local; an upload a minute before is in time, a minute after is late`, async () => {
      const session = built[index]!;
      const [alice] = session.candidates;
      const shown = await alice!.client.deliverableStatus(session.sessionId, alice!.registrationId);
      expect(shown.data!.intake.deadline).toEqual({
        closesAt: closing.closesAt,
        timeZone: closing.timeZone,
        notice: `Deliverables are received until ${closing.sentence}: the jury must hold them 5 days before the session (DELIV-4).`,
      });

      async function upload(tag: string): Promise<void> {
        const grant = await alice!.client.requestUpload(session.sessionId, alice!.registrationId, 'project-report');
        expect(grant.status, JSON.stringify(grant.error)).toBe(201);
        expect(await postToPresigned(grant.data!.upload, await pdfWithPages(24, tag))).toBe(204);
        await env.runtime.s3EventsIdle();
      }

      env.advanceTo(new Date(new Date(closing.utc).getTime() - MINUTE));
      await upload('a minute before');
      env.advanceTo(new Date(new Date(closing.utc).getTime() + MINUTE));
      await eventually(() => manager.getSession(session.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
      await upload('a minute after');

      const status = await alice!.client.deliverableStatus(session.sessionId, alice!.registrationId);
      const report = status.data!.intake.deliverables.find((d) => d.deliverableType === 'project-report')!;
      expect(report.versions.map((v) => [v.version, v.status, v.late])).toEqual([
        [1, 'accepted', false],
        [2, 'accepted', true],
      ]);
      expect(report.juryCopy?.versionId).toBe(report.versions[0]!.id);
      expect(report.versions[1]!.receivedAt.endsWith(closing.closesAt.slice(-6))).toBe(true);
    });
  }

  it('JURY-2: a habilitation ending the day before the session does not qualify; one ending on the session day does', async () => {
    const now = env.runtime.clock.now();
    const created = await manager.createSession({ titleCode: 'RNCP34757', sessionDate: '2027-06-15', timeZone: 'Indian/Reunion', address: '10 rue de Paris, 97400 Saint-Denis' });
    const sessionId = created.data!.session.id;
    const habilitated = (validUntil: string) => jurorBody(now, { habilitations: [{ issuedBy: 'Simplon', validFrom: '2026-01-01', validUntil }] });
    const dayBefore = await env.certifier.createJuror(habilitated('2027-06-14'));
    const sameDay = await env.certifier.createJuror(habilitated('2027-06-15'));
    const refused = await manager.assignJuror(sessionId, dayBefore.data!.juror.id);
    expect(refused.status).toBe(422);
    expect(refused.error!.violations!.map((v) => v.message)).toEqual([expect.stringMatching(/^JURY-2: .*'s habilitation expired on 2027-06-14, before the session on 2027-06-15; it must be renewed$/)]);
    expect((await manager.assignJuror(sessionId, sameDay.data!.juror.id)).status).toBe(201);
  });

  it('RETAKE-4: one year across 29 February is 366 days: sitting on day 366 is allowed, day 367 needs a new training; in a common year day 365 is the last', async () => {
    const leap = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: '2028-03-01', address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    const common = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: '2027-12-15', address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    const retake = (sessionId: string, previousSessionDate: string, newTraining = false) =>
      manager.registerCandidate(sessionId, { attempt: 'retake', candidate: candidate('Noah'), previouslyValidatedBlocks: ['A1'], previousSessionDate, newTraining });
    expect((await retake(leap, '2027-03-01')).status).toBe(201);
    const late = await retake(leap, '2027-02-28');
    expect(late.status).toBe(422);
    expect(late.error!.violations!.map((v) => v.message)).toEqual([expect.stringMatching(/^RETAKE-4: Noah .* last sat on 2027-02-28; after 2028-02-28 a new training is required before sitting again$/)]);
    expect((await retake(leap, '2027-02-28', true)).status).toBe(201);
    expect((await retake(common, '2026-12-15')).status).toBe(201);
    expect((await retake(common, '2026-12-14')).status).toBe(422);
  });

  it('RETAKE-4: anyone sitting again, with no block validated, is held to the year; an earlier session after this one is refused', async () => {
    const sessionId = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(env.runtime.clock.now(), 60), address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    const noBlock = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: candidate('Inès'), previousSessionDate: '2025-01-10', newTraining: false });
    expect(noBlock.status).toBe(422);
    expect(noBlock.error!.violations!.map((v) => v.ruleId)).toEqual(['RETAKE-4']);
    const recent = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: candidate('Inès'), previousSessionDate: daysFromNow(env.runtime.clock.now(), -100), newTraining: false });
    expect(recent.status, JSON.stringify(recent.error)).toBe(201);
    expect((recent.data!.registration as { previouslyValidatedBlocks: string[] }).previouslyValidatedBlocks).toEqual([]);
    const future = await manager.registerCandidate(sessionId, { attempt: 'retake', candidate: candidate('Jade'), previousSessionDate: daysFromNow(env.runtime.clock.now(), 90), newTraining: true });
    expect(future.status).toBe(422);
    expect(future.error!.violations![0]!.message).toMatch(/^RETAKE-4: Jade .*'s earlier session on \d{4}-\d{2}-\d{2} is not before this session on \d{4}-\d{2}-\d{2}; give the date of the session they last sat$/);
  });
});
