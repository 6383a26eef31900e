import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, CertiflowClient } from '../../client/certiflow-client';
import type { FullRegistrationView } from '../../shared/use-cases/candidates/registration-views';
import type { JurorRecord } from '../../shared/use-cases/sessions/records';
import { ROUTES } from '../../shared/wiring/routes';
import { candidate, daysFromNow, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

type Item = Record<string, unknown>;

/** A JSON text of a value with object keys sorted at every depth, to compare stored items. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Item).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const keyOf = (item: Item) => `${String(item.PK)} ${String(item.SK)}`;

/** `date` moved by `months` calendar months, `YYYY-MM-DD`. */
function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

function ruleIds(response: ApiResponse<unknown>): string[] {
  return (response.error?.violations ?? []).map((v) => v.ruleId);
}

describe('planning rules, end to end through the typed client', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let now: Date;

  /** The whole table and the executions, in a comparable form. */
  async function tableState() {
    const items = (await inspect.allItems()).map(canonical).sort();
    return { items, executions: (await inspect.executions()).map((e) => `${e.name} ${e.status}`).sort() };
  }

  /** Runs `act` and asserts that it wrote nothing: no item added, changed or removed, no execution started. */
  async function expectNothingWritten<T>(act: () => Promise<T>): Promise<T> {
    const snapshot = await inspect.writeSnapshot();
    const before = await tableState();
    const result = await act();
    expect(await inspect.writeSnapshot()).toEqual(snapshot);
    expect(await tableState()).toEqual(before);
    return result;
  }

  async function auditActions(sessionId: string): Promise<string[]> {
    return (await inspect.partition(`AUDIT#SESSION#${sessionId}`)).map((item) => String(item.action));
  }

  /** Waits until the session's workflow waits for planning, so that nothing writes in the background. */
  async function waitForPlanning(client: CertiflowClient, sessionId: string) {
    return eventually(() => client.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
  }

  /** A session `days` ahead with a cohort, its workflow waiting for planning. */
  async function planningSession(client: CertiflowClient = manager, days = 90): Promise<string> {
    const sessionId = await newSession(client, now, days);
    await waitForPlanning(client, sessionId);
    return sessionId;
  }

  async function newJuror(overrides: Record<string, unknown> = {}): Promise<JurorRecord> {
    const created = await env.certifier.createJuror(jurorBody(now, overrides));
    expect(created.error).toBeUndefined();
    expect(created.status).toBe(201);
    return created.data!.juror;
  }

  async function register(sessionId: string, firstName: string, client: CertiflowClient = manager) {
    const registered = await client.registerCandidate(sessionId, { attempt: 'first', candidate: candidate(firstName) });
    expect(registered.error).toBeUndefined();
    expect(registered.status).toBe(201);
    return registered.data!.registration;
  }

  async function assign(sessionId: string, jurorId: string, client: CertiflowClient = manager) {
    const assigned = await client.assignJuror(sessionId, jurorId);
    expect(assigned.error).toBeUndefined();
    expect(assigned.status).toBe(201);
  }

  /** Closes planning of a session with 2 valid jurors and a candidate and waits for intake. */
  async function toIntake(client: CertiflowClient, sessionId: string, jurors: JurorRecord[]) {
    for (const juror of jurors) await assign(sessionId, juror.id, client);
    await register(sessionId, 'Inès', client);
    expect((await client.closePlanning(sessionId)).status).toBe(200);
    await eventually(() => client.getSession(sessionId), atWait('WaitForIntakeDeadline'));
  }

  /** A session, a registration and a juror that the bad-body requests target. */
  const target = { sessionId: '', registrationId: '', jurorId: '' };

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-rules', centreId: 'centre-lyon' });
    now = env.runtime.clock.now();
    target.sessionId = await planningSession();
    target.registrationId = (await register(target.sessionId, 'Target')).id;
    target.jurorId = (await newJuror()).id;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('JURY-3: a juror who trained the cohort is refused with a sentence naming them, and nothing is written', async () => {
    const sessionId = await planningSession();
    await register(sessionId, 'Alice');
    const juror = await newJuror();
    const trainers = await manager.setTrainers(sessionId, {
      trainers: [
        { firstName: 'Paul', lastName: 'Trainer', email: 'paul.trainer@example.org' },
        { firstName: juror.firstName, lastName: juror.lastName, email: juror.email.toUpperCase() },
      ],
    });
    expect(trainers.status).toBe(200);
    const auditBefore = await auditActions(sessionId);

    const refused = await expectNothingWritten(() => manager.assignJuror(sessionId, juror.id));
    expect(refused.status).toBe(422);
    const jury3 = refused.error!.violations!.filter((v) => v.ruleId === 'JURY-3');
    expect(jury3).toHaveLength(1);
    expect(jury3[0]!.message).toContain(`${juror.firstName} ${juror.lastName}`);
    expect(refused.error!.message).toContain(`${juror.firstName} ${juror.lastName}`);
    expect((await inspect.partition(`SESSION#${sessionId}`)).filter((item) => String(item.SK).startsWith('JUROR#'))).toEqual([]);
    expect(await auditActions(sessionId)).toEqual(auditBefore);
    expect((await manager.getSession(sessionId)).data!.session.jurors).toEqual([]);
  });

  it('JURY-3: a juror named a trainer of the cohort after being assigned blocks planning, naming them', async () => {
    const sessionId = await planningSession();
    await register(sessionId, 'Aline');
    const juror = await newJuror();
    await assign(sessionId, juror.id);
    await assign(sessionId, (await newJuror()).id);
    expect((await manager.getSession(sessionId)).data!.session.blockers).toEqual([]);
    expect((await manager.setTrainers(sessionId, { trainers: [{ firstName: juror.firstName, lastName: juror.lastName, email: juror.email }] })).status).toBe(200);

    const view = (await manager.getSession(sessionId)).data!.session;
    expect(view.blockers.map((b) => b.ruleId)).toEqual(['JURY-3']);
    const blocked = await manager.closePlanning(sessionId);
    expect(blocked.status).toBe(422);
    expect(ruleIds(blocked)).toEqual(['JURY-3']);
    expect(blocked.error!.violations![0]!.message).toContain(`${juror.firstName} ${juror.lastName}`);
    const after = (await manager.getSession(sessionId)).data!.session;
    expect(after.status).toBe('planning');
    expect(after.workflow?.currentStep).toBe('WaitForPlanning');
  });

  it('JURY-1: a lone juror blocks planning: 422, the blockers and planning.blocked are the only writes; a second juror lets it reach intake', async () => {
    const sessionId = await planningSession();
    await register(sessionId, 'Bruno');
    await assign(sessionId, (await newJuror()).id);
    const version = (await manager.getSession(sessionId)).data!.session.version;
    const itemsBefore = await inspect.allItems();
    const executionsBefore = await inspect.executions();

    const blocked = await manager.closePlanning(sessionId);
    expect(blocked.status).toBe(422);
    expect(blocked.error?.code).toBe('PlanningBlocked');
    expect(ruleIds(blocked)).toEqual(['JURY-1']);
    expect(blocked.error!.violations![0]!.message).toContain('at least 2');

    const itemsAfter = await inspect.allItems();
    const added = itemsAfter.filter((a) => !itemsBefore.some((b) => keyOf(a) === keyOf(b)));
    expect(added.map((item) => [item.PK, item.action])).toEqual([[`AUDIT#SESSION#${sessionId}`, 'planning.blocked']]);
    const changed = itemsAfter.filter((a) => {
      const b = itemsBefore.find((x) => keyOf(x) === keyOf(a));
      return b !== undefined && canonical(a) !== canonical(b);
    });
    expect(changed.map(keyOf)).toEqual([`SESSION#${sessionId} META`]);
    const stored = changed[0]!.blockers as Array<{ ruleId: string; message: string; messageFr: string }>;
    expect(stored.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual(blocked.error!.violations);
    expect(stored.every((b) => b.messageFr.startsWith(`${b.ruleId} : `))).toBe(true);
    expect(changed[0]!.version).toBe(version + 1);
    expect(itemsAfter.length).toBe(itemsBefore.length + 1);
    expect(await inspect.executions()).toEqual(executionsBefore);

    const view = (await manager.getSession(sessionId)).data!.session;
    expect(view.status).toBe('planning');
    expect(view.next.step).toBe('close-planning');
    expect(view.blockers.map((b) => b.ruleId)).toEqual(['JURY-1']);
    expect(view.workflow?.currentStep).toBe('WaitForPlanning');
    expect(await inspect.statesEntered(view.workflow?.executionArn!)).toEqual(['OpenPlanning', 'WaitForPlanning']);

    // Closing again with the same blockers refuses again and writes nothing more.
    const again = await expectNothingWritten(() => manager.closePlanning(sessionId));
    expect(again.status).toBe(422);
    expect(ruleIds(again)).toEqual(['JURY-1']);

    await assign(sessionId, (await newJuror({ profession: 'data engineer' })).id);
    expect((await manager.getSession(sessionId)).data!.session.blockers).toEqual([]);
    const closed = await manager.closePlanning(sessionId);
    expect(closed.error).toBeUndefined();
    expect(closed.status).toBe(200);
    const intake = await eventually(() => manager.getSession(sessionId), atWait('WaitForIntakeDeadline'));
    expect(intake.data!.session.status).toBe('intake');
    expect(await auditActions(sessionId)).toEqual(expect.arrayContaining(['planning.blocked', 'planning.closed', 'intake.opened']));
  });

  it('JURY-2: moving the session date beyond a juror\'s habilitation blocks planning, naming the expiry', async () => {
    const sessionId = await planningSession(manager, 90);
    await register(sessionId, 'Chloé');
    const expiresOn = daysFromNow(now, 120);
    const expiring = await newJuror({ habilitations: [{ issuedBy: 'Simplon', validFrom: daysFromNow(now, -365), validUntil: expiresOn }] });
    await assign(sessionId, expiring.id);
    await assign(sessionId, (await newJuror()).id);

    const read = await manager.getSession(sessionId);
    expect(read.data!.session.blockers).toEqual([]);
    const etag = read.headers.get('etag');
    expect(etag).toBe(`"${read.data!.session.version}"`);
    const later = daysFromNow(now, 150);
    const moved = await manager.updateSession(sessionId, { sessionDate: later }, { ifMatch: Number(etag!.replace(/\D/g, '')) });
    expect(moved.error).toBeUndefined();
    expect(moved.status).toBe(200);
    expect(moved.data!.session.sessionDate).toBe(later);

    const view = (await manager.getSession(sessionId)).data!.session;
    expect(view.blockers.map((b) => b.ruleId)).toEqual(['JURY-2']);

    const blocked = await manager.closePlanning(sessionId);
    expect(blocked.status).toBe(422);
    expect(ruleIds(blocked)).toEqual(['JURY-2']);
    const message = blocked.error!.violations![0]!.message;
    expect(message).toContain(`${expiring.firstName} ${expiring.lastName}`);
    expect(message).toContain(`expired on ${expiresOn}`);
    expect(message).toContain(later);
    const after = (await manager.getSession(sessionId)).data!.session;
    expect(after.status).toBe('planning');
    expect(after.workflow?.currentStep).toBe('WaitForPlanning');
  });

  it('JURY-2: a juror with less than 2 years of experience, or whose habilitation has expired on the session date, or who holds none, cannot be assigned', async () => {
    const sessionId = await planningSession(manager, 90);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ yearsOfExperience: 1 }, '1 year of experience'],
      [{ habilitations: [{ issuedBy: 'Simplon', validFrom: daysFromNow(now, -400), validUntil: daysFromNow(now, 30) }] }, `expired on ${daysFromNow(now, 30)}`],
      [{ habilitations: [] }, 'holds no habilitation'],
    ];
    for (const [overrides, expected] of cases) {
      const juror = await newJuror(overrides);
      const refused = await expectNothingWritten(() => manager.assignJuror(sessionId, juror.id));
      expect(refused.status).toBe(422);
      expect(ruleIds(refused)).toEqual(['JURY-2']);
      expect(refused.error!.violations![0]!.message).toContain(`${juror.firstName} ${juror.lastName}`);
      expect(refused.error!.violations![0]!.message).toContain(expected);
    }
    expect((await manager.getSession(sessionId)).data!.session.jurors).toEqual([]);
  });

  it('RETAKE-4: a retake 14 months after the earlier session without new training is refused and not written; with a new training it is registered', async () => {
    const sessionId = await planningSession(manager, 90);
    const sessionDate = daysFromNow(now, 90);
    const person = candidate('Damien');
    const body = {
      attempt: 'retake' as const,
      candidate: person,
      previouslyValidatedBlocks: ['A1', 'A2'],
      previousSessionDate: monthsBefore(sessionDate, 14),
      newTraining: false,
    };
    const refused = await expectNothingWritten(() => manager.registerCandidate(sessionId, body));
    expect(refused.status).toBe(422);
    expect(ruleIds(refused)).toEqual(['RETAKE-4']);
    expect(refused.error!.violations![0]!.message).toContain(`${person.firstName} ${person.lastName}`);
    expect(refused.error!.violations![0]!.message).toContain('new training');
    expect((await inspect.partition(`SESSION#${sessionId}`)).map((item) => item.SK)).not.toContain(`REG#${person.userId}`);

    const accepted = await manager.registerCandidate(sessionId, { ...body, newTraining: true });
    expect(accepted.error).toBeUndefined();
    expect(accepted.status).toBe(201);
    expect(accepted.data!.registration).toMatchObject({ attempt: 'retake', newTraining: true, previouslyValidatedBlocks: ['A1', 'A2'] });
    const stored = (await inspect.partition(`SESSION#${sessionId}`)).find((item) => item.SK === `REG#${person.userId}`);
    expect(stored?.id).toBe(accepted.data!.registration.id);
    // The registration adds no blocker: only the missing jury remains.
    expect((await manager.getSession(sessionId)).data!.session.blockers.map((b) => b.ruleId)).toEqual(['JURY-1']);
  });

  it('RETAKE-2: a retake listing an unknown block is refused, naming the block, and nothing is written', async () => {
    const refused = await expectNothingWritten(() =>
      manager.registerCandidate(target.sessionId, {
        attempt: 'retake',
        candidate: candidate('Emma'),
        previouslyValidatedBlocks: ['A1', 'A9'],
        previousSessionDate: daysFromNow(now, -200),
        newTraining: false,
      }),
    );
    expect(refused.status).toBe(422);
    expect(ruleIds(refused)).toEqual(['RETAKE-2']);
    expect(refused.error!.violations![0]!.message).toContain('A9');
  });

  describe('bad bodies get 400 naming the field and write nothing', () => {
    const cases: Array<[string, () => Promise<ApiResponse<unknown>>, string]> = [
      ['POST /sessions: a sessionDate that is not a date', () => manager.createSession({ titleCode: 'RNCP34757', sessionDate: '2027-13-45', address: '12 rue des Lilas, 69001 Lyon' }), 'sessionDate'],
      ['PATCH /sessions/{id}: an address too short', async () => manager.updateSession(target.sessionId, { address: 'x' }, { ifMatch: (await manager.getSession(target.sessionId)).data!.session.version }), 'address'],
      ['POST /sessions/{id}/candidates: a candidate without e-mail', () => manager.request('POST', `/sessions/${target.sessionId}/candidates`, { attempt: 'first', candidate: { userId: 'cand-x', firstName: 'A', lastName: 'B' } }), 'candidate.email'],
      ['PUT /sessions/{id}/candidates/{rid}/accommodation: 0 extra minutes', () => manager.setAccommodation(target.sessionId, target.registrationId, { extraMinutes: 0, justification: 'dyslexie reconnue par la MDPH' }), 'extraMinutes'],
      ['PUT /sessions/{id}/trainers: a trainer e-mail that is not one', () => manager.setTrainers(target.sessionId, { trainers: [{ firstName: 'Paul', lastName: 'T', email: 'not-an-email' }] }), 'trainers.0.email'],
      ['POST /jurors: negative years of experience', () => env.certifier.createJuror(jurorBody(now, { yearsOfExperience: -1 }) as never), 'yearsOfExperience'],
      ['PATCH /jurors/{jurorId}: negative years of experience', async () => env.certifier.updateJuror(target.jurorId, { yearsOfExperience: -2 }, { ifMatch: (await env.certifier.getJuror(target.jurorId)).data!.juror.version }), 'yearsOfExperience'],
      ['POST /jurors/{jurorId}/habilitations: validUntil before validFrom', () => env.certifier.addHabilitation(target.jurorId, { issuedBy: 'Simplon', validFrom: daysFromNow(now, 10), validUntil: daysFromNow(now, 5) }), 'validUntil'],
      ['POST /sessions/{id}/candidates/import: a commit that is neither true nor false', () => manager.request('POST', `/sessions/${target.sessionId}/candidates/import`, { csv: 'prénom;nom;email;identifiant\nZoé;Leroy;zoe@example.org;cand-zoe', commit: 'oui' }), 'commit'],
      ['POST /sessions/{id}/jurors: a jurorId that is not an id', () => manager.assignJuror(target.sessionId, 'juror-42'), 'jurorId'],
      ['POST /sessions/{id}/jurors/import: an empty file', () => manager.request('POST', `/sessions/${target.sessionId}/jurors/import`, { csv: '', commit: true }), 'csv'],
      ['POST /sessions/{sessionId}/deliverables/{uploadId}/late-decision: a decision that is neither', () => manager.request('POST', `/sessions/${target.sessionId}/deliverables/${randomUUID()}/late-decision`, { decision: 'maybe', reason: 'asked by the jury' }), 'decision'],
      ['POST /sessions/{id}/declarations: a link of an unknown kind', async () => (await env.clientAs('jurors')).request('POST', `/sessions/${target.sessionId}/declarations`, { declarations: [{ registrationId: target.registrationId, link: 'cousin' }] }), 'declarations.0.link'],
      ['POST /sessions/{id}/distributions: an unknown distribution row', () => manager.request('POST', `/sessions/${target.sessionId}/distributions`, { ruleId: 'DIST-9', distributedOn: daysFromNow(now, -1), recipients: 'jury' }), 'ruleId'],
      ['PUT /sessions/{id}/schedule: an order of names, not registration ids', () => manager.request('PUT', `/sessions/${target.sessionId}/schedule`, { order: ['Alice'] }), 'order.0'],
      ['POST /sessions/{id}/candidates/{rid}/check-in: a status that is neither', () => manager.request('POST', `/sessions/${target.sessionId}/candidates/${target.registrationId}/check-in`, { status: 'maybe' }), 'status'],
      ['POST /sessions/{id}/candidates/{rid}/identity-check: no method', () => manager.request('POST', `/sessions/${target.sessionId}/candidates/${target.registrationId}/identity-check`, {}), 'method'],
      ['POST /sessions/{id}/candidates/{rid}/oral: an unknown action', () => manager.request('POST', `/sessions/${target.sessionId}/candidates/${target.registrationId}/oral`, { action: 'pause' }), 'action'],
      ['POST /sessions/{id}/incidents: an instant without its offset', () => manager.request('POST', `/sessions/${target.sessionId}/incidents`, { kind: 'juror-absence', jurorId: target.jurorId, from: '2027-06-15T10:30:00', description: 'left the room' }), 'from'],
      ['PUT /sessions/{id}/candidates/{rid}/grid: a competency half acquired', async () => (await env.clientAs('jurors')).request('PUT', `/sessions/${target.sessionId}/candidates/${target.registrationId}/grid`, { decisions: { C1: 'partial' } }), 'decisions.C1'],
      ['POST /sessions/{id}/candidates/{rid}/grid/signatures: a hash that is not one', async () => (await env.clientAs('jurors')).request('POST', `/sessions/${target.sessionId}/candidates/${target.registrationId}/grid/signatures`, { hash: 'abc' }), 'hash'],
      ['POST /sessions/{id}/pv/signatures: a SHA-256 that is not one', async () => (await env.clientAs('jurors')).request('POST', `/sessions/${target.sessionId}/pv/signatures`, { sha256: 'abc' }), 'sha256'],
      ['PUT /centres/{centreId}/stamp: an image that is neither PNG nor JPEG', () => manager.request('PUT', '/centres/centre-lyon/stamp', { contentType: 'image/gif', imageBase64: 'R0lGODlhAQABAAAAACw=' }), 'contentType'],
      ['POST /sessions/{id}/candidates/{rid}/appeals: a statement too short to say what happened', async () => (await env.clientAs('candidates')).request('POST', `/sessions/${target.sessionId}/candidates/${target.registrationId}/appeals`, { ground: 'procedure', statement: 'unfair' }), 'statement'],
      ['POST /sessions/{id}/committee-decisions: an outcome that is neither', async () => (await env.clientAs('quality')).request('POST', `/sessions/${target.sessionId}/committee-decisions`, { caseIds: [randomUUID()], outcome: 'postponed', reason: 'the committee needs more time' }), 'outcome'],
      ['PUT /titles/{rncpCode}/settings: an appeal window of 0 months', () => env.certifier.request('PUT', '/titles/RNCP34757/settings', { appealWindowMonths: 0 }), 'appealWindowMonths'],
      ['PUT /sessions/{id}/candidates/{rid}/holder-identity: a sex the civil status does not record', () => manager.request('PUT', `/sessions/${target.sessionId}/candidates/${target.registrationId}/holder-identity`, { birthName: 'Martin', firstNames: ['Léa'], birthDate: '1990-04-12', sex: 'X', birthplace: { city: 'Saint-Étienne', inseeCode: '42218' } }), 'sex'],
    ];

    it.each(cases)('%s', async (_name, act, field) => {
      const response = await expectNothingWritten(act);
      expect(response.status).toBe(400);
      expect(response.error?.code).toBe('InvalidRequest');
      expect(response.error?.field).toBe(field);
      expect(response.error?.message).toContain(field);
    });

    it('covers every POST, PUT and PATCH route that takes a body', () => {
      const withBody = ROUTES.filter((route) => route.request.body).map((route) => `${route.method} ${route.path}`);
      const covered = cases.map(([name]) => name.split(':')[0]!.replace('{id}', '{sessionId}').replace('{rid}', '{registrationId}'));
      expect(covered.sort()).toEqual(withBody.sort());
    });
  });

  describe('idempotency', () => {
    it('one Idempotency-Key used on two sessions is two requests: each session gets its own registration', async () => {
      const [first, second] = [await planningSession(), await planningSession()];
      const key = randomUUID();
      const body = { attempt: 'first' as const, candidate: candidate('Mila') };
      const a = await manager.registerCandidate(first, body, { idempotencyKey: key });
      const b = await manager.registerCandidate(second, body, { idempotencyKey: key });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.data!.registration.sessionId).toBe(first);
      expect(b.data!.registration.sessionId).toBe(second);
      expect(b.data!.registration.id).not.toBe(a.data!.registration.id);
    });

    it('a POST /sessions retried with the same Idempotency-Key returns the first session, written and started once; the key with another body → 422, nothing written', async () => {
      const key = randomUUID();
      const body = { titleCode: 'RNCP34757', sessionDate: daysFromNow(now, 100), address: '3 quai Rambaud, 69002 Lyon' };
      const first = await manager.createSession(body, { idempotencyKey: key });
      const retry = await manager.createSession(body, { idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(first.status);
      const sessionId = first.data!.session.id;
      expect(retry.data!.session.id).toBe(sessionId);
      await waitForPlanning(manager, sessionId);
      expect((await inspect.allItems()).filter((item) => item.entity === 'Session' && item.id === sessionId)).toHaveLength(1);
      expect((await inspect.executions()).filter((execution) => execution.name === sessionId)).toHaveLength(1);
      expect((await auditActions(sessionId)).filter((action) => action === 'session.created')).toHaveLength(1);

      const reused = await expectNothingWritten(() => manager.createSession({ ...body, address: '5 place Bellecour, 69002 Lyon' }, { idempotencyKey: key }));
      expect(reused.status).toBe(422);
      expect(reused.error?.code).toBe('IdempotencyKeyReused');
      // Another key creates another session.
      const other = await manager.createSession(body, { idempotencyKey: randomUUID() });
      expect(other.status).toBe(201);
      expect(other.data!.session.id).not.toBe(sessionId);
      await waitForPlanning(manager, other.data!.session.id);
    });

    it('a POST /sessions/{id}/candidates retried with the same Idempotency-Key registers once; the key with another body → 422, nothing written', async () => {
      const key = randomUUID();
      const body = { attempt: 'first' as const, candidate: candidate('Fanny') };
      const first = await manager.registerCandidate(target.sessionId, body, { idempotencyKey: key });
      const retry = await manager.registerCandidate(target.sessionId, body, { idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.data!.registration.id).toBe(first.data!.registration.id);
      const registrations = (await inspect.partition(`SESSION#${target.sessionId}`)).filter((item) => item.entity === 'Registration' && item.candidate && (item.candidate as Item).userId === body.candidate.userId);
      expect(registrations).toHaveLength(1);
      const registeredEvents = (await inspect.partition(`AUDIT#SESSION#${target.sessionId}`)).filter(
        (item) => item.action === 'candidate.registered' && (item.details as Item).registrationId === first.data!.registration.id,
      );
      expect(registeredEvents).toHaveLength(1);

      const reused = await expectNothingWritten(() => manager.registerCandidate(target.sessionId, { ...body, candidate: candidate('Gaspard') }, { idempotencyKey: key }));
      expect(reused.status).toBe(422);
      expect(reused.error?.code).toBe('IdempotencyKeyReused');
    });
  });

  describe('concurrency', () => {
    it('two concurrent PATCHes with the same If-Match: one 200, one 409, one session.updated', async () => {
      const sessionId = await planningSession();
      const version = (await manager.getSession(sessionId)).data!.session.version;
      const responses = await Promise.all([
        manager.updateSession(sessionId, { address: '1 rue A, 69001 Lyon' }, { ifMatch: version }),
        manager.updateSession(sessionId, { address: '2 rue B, 69001 Lyon' }, { ifMatch: version }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      const loser = responses.find((r) => r.status === 409)!;
      expect(loser.error?.code).toMatch(/Conflict|StaleVersion/);
      expect(winner.headers.get('etag')).toBe(`"${version + 1}"`);
      expect((await auditActions(sessionId)).filter((action) => action === 'session.updated')).toHaveLength(1);
      const stored = (await inspect.partition(`SESSION#${sessionId}`)).find((item) => item.SK === 'META')!;
      expect(stored.address).toBe(winner.data!.session.address);
      expect(stored.version).toBe(version + 1);
    });

    it('a PATCH with a stale If-Match → 409, without If-Match → 400 naming if-match; neither writes', async () => {
      const sessionId = await planningSession();
      const version = (await manager.getSession(sessionId)).data!.session.version;
      expect((await manager.updateSession(sessionId, { remote: true }, { ifMatch: version })).status).toBe(200);

      const stale = await expectNothingWritten(() => manager.updateSession(sessionId, { remote: false }, { ifMatch: version }));
      expect(stale.status).toBe(409);
      expect(stale.error?.message).toContain(`version ${version + 1}`);

      const missing = await expectNothingWritten(() => manager.request('PATCH', `/sessions/${sessionId}`, { remote: false }));
      expect(missing.status).toBe(400);
      expect(missing.error?.field).toBe('if-match');
      expect((await manager.getSession(sessionId)).data!.session.remote).toBe(true);
    });
  });

  describe('distributions (DIST-1..7)', () => {
    it('DIST-1, DIST-2, DIST-3, DIST-5, DIST-6: a distribution done on time, overdue ones and due-soon ones, by the cohort calendar', async () => {
      // Days count from today in the session's zone (Europe/Paris), which is UTC's tomorrow in its last hour.
      const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)}T12:00:00Z`);
      const day = (days: number) => daysFromNow(today, days);
      // Cohort starting in 5 days: DIST-1 (1 month before) and DIST-2/DIST-5 (2 weeks before) are past;
      // the prairie ends in 8 days: DIST-3/DIST-6 are due soon; the session is in 90 days: DIST-4/DIST-7 are pending.
      const created = await manager.createSession({
        titleCode: 'RNCP34757',
        sessionDate: day(90),
        address: '12 rue des Lilas, 69001 Lyon',
        cohort: { name: 'Promo courte', startDate: day(5), prairieEnd: day(8) },
      });
      expect(created.error).toBeUndefined();
      expect(created.status).toBe(201);
      const sessionId = created.data!.session.id;
      await waitForPlanning(manager, sessionId);

      const recorded = await manager.recordDistribution(sessionId, { ruleId: 'DIST-1', distributedOn: day(-40), recipients: 'équipe projet' });
      expect(recorded.error).toBeUndefined();
      expect(recorded.status).toBe(201);
      expect(await auditActions(sessionId)).toContain('distribution.recorded');

      const status = await manager.distributionStatus(sessionId, 14);
      expect(status.status).toBe(200);
      const byRule = Object.fromEntries(status.data!.distributions.map((d) => [d.ruleId, d]));
      expect(byRule['DIST-1']).toMatchObject({ state: 'done', distributedOn: day(-40) });
      expect(status.data!.overdue).toEqual(['DIST-2', 'DIST-5']);
      expect(byRule['DIST-2']!.alert?.message).toContain('overdue');
      expect(byRule['DIST-2']!.deadline).toBe(day(-9));
      expect(status.data!.dueSoon).toEqual(['DIST-3', 'DIST-6']);
      expect(byRule['DIST-3']).toMatchObject({ deadline: day(8), daysLeft: 8 });
      expect(byRule['DIST-4']!.state).toBe('pending');
      expect(byRule['DIST-7']!.state).toBe('pending');

      // A narrower horizon leaves the prairie deadlines pending.
      const narrow = await manager.distributionStatus(sessionId, 7);
      expect(narrow.data!.dueSoon).toEqual([]);

      // Recorded after its deadline, a distribution is done late, with an alert.
      expect((await manager.recordDistribution(sessionId, { ruleId: 'DIST-2', distributedOn: day(0), recipients: 'formateurs' })).status).toBe(201);
      const late = await manager.distributionStatus(sessionId);
      const dist2 = late.data!.distributions.find((d) => d.ruleId === 'DIST-2')!;
      expect(dist2.state).toBe('done-late');
      expect(dist2.alert?.ruleId).toBe('DIST-2');
      expect(late.data!.overdue).toEqual(['DIST-5']);
    });

    it('DIST-1: a distributedOn in the future → 400 naming it, nothing written', async () => {
      const response = await expectNothingWritten(() =>
        manager.recordDistribution(target.sessionId, { ruleId: 'DIST-4', distributedOn: daysFromNow(now, 2), recipients: 'jury' }),
      );
      expect(response.status).toBe(400);
      expect(response.error?.field).toBe('distributedOn');
    });

    it('DIST-1: a session without cohort dates cannot compute its deadlines → 422 with the rule ID', async () => {
      const created = await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(now, 60), address: '12 rue des Lilas, 69001 Lyon' });
      expect(created.status).toBe(201);
      await waitForPlanning(manager, created.data!.session.id);
      const response = await manager.distributionStatus(created.data!.session.id);
      expect(response.status).toBe(422);
      expect(ruleIds(response)[0]).toMatch(/^DIST-[1-7]$/);
      expect(response.error!.message).toContain('cohort');
    });
  });

  it('EXAM-2: extra time with its justification is stored on the registration; a justification under 10 characters → 400, nothing written', async () => {
    const registration = await register(target.sessionId, 'Hugo');
    const justification = 'trouble dys reconnu par la MDPH, tiers-temps';
    const granted = await manager.setAccommodation(target.sessionId, registration.id, { extraMinutes: 20, justification });
    expect(granted.error).toBeUndefined();
    expect(granted.status).toBe(200);
    const read = await manager.getRegistration(target.sessionId, registration.id);
    expect((read.data!.registration as FullRegistrationView).accommodation).toMatchObject({ extraMinutes: 20, justification, grantedBy: 'manager-rules' });
    const stored = (await inspect.partition(`SESSION#${target.sessionId}`)).find((item) => item.id === registration.id)!;
    expect(stored.accommodation).toMatchObject({ extraMinutes: 20, justification });
    expect(await auditActions(target.sessionId)).toContain('candidate.accommodation-granted');

    const short = await expectNothingWritten(() => manager.setAccommodation(target.sessionId, registration.id, { extraMinutes: 30, justification: 'trop bref' }));
    expect(short.status).toBe(400);
    expect(short.error?.field).toBe('justification');
  });

  describe('access to sessions and registrations', () => {
    it('a candidate sees their own registration and their list, and gets 403 for another candidate\'s', async () => {
      const sessionId = await planningSession();
      const mine = await register(sessionId, 'Iris');
      const theirs = await register(sessionId, 'Jules');
      const iris = await env.clientAs('candidates', { sub: mine.candidate.userId });

      const own = await iris.getRegistration(sessionId, mine.id);
      expect(own.status).toBe(200);
      expect(own.data!.registration.id).toBe(mine.id);
      const list = await iris.myRegistrations();
      expect(list.status).toBe(200);
      expect(list.data!.registrations.map((r) => r.id)).toEqual([mine.id]);

      const other = await expectNothingWritten(() => iris.getRegistration(sessionId, theirs.id));
      expect(other.status).toBe(403);
      expect(JSON.stringify(other)).not.toContain(theirs.candidate.email);
      expect((await iris.getSession(sessionId)).status).toBe(403);
      expect((await iris.listRegistrations(sessionId)).status).toBe(403);
    });

    it('a juror assigned to a session can read it; a juror not assigned gets 403', async () => {
      const sessionId = await planningSession();
      const seated = await newJuror();
      const other = await newJuror();
      await assign(sessionId, seated.id);
      const seatedClient = await env.clientAs('jurors', { sub: seated.userId! });
      const otherClient = await env.clientAs('jurors', { sub: other.userId! });

      const read = await seatedClient.getSession(sessionId);
      expect(read.status).toBe(200);
      expect(read.data!.session.jurors.map((j) => j.jurorId)).toEqual([seated.id]);
      expect(JSON.stringify(read.data)).not.toContain('taskToken');
      expect((await seatedClient.listRegistrations(sessionId)).status).toBe(200);

      expect((await otherClient.getSession(sessionId)).status).toBe(403);
      expect((await otherClient.listRegistrations(sessionId)).status).toBe(403);
    });

    it('GET /sessions lists a manager\'s centre sessions by status and date range, and a juror\'s own sessions', async () => {
      const nantes = await env.clientAs('managers', { sub: 'manager-nantes', centreId: 'centre-nantes' });
      const s100 = await planningSession(nantes, 100);
      const s120 = await planningSession(nantes, 120);
      const s140 = await planningSession(nantes, 140);
      const juror = await newJuror();
      await toIntake(nantes, s120, [juror, await newJuror()]);
      await assign(s140, juror.id, nantes);

      const ids = (response: Awaited<ReturnType<CertiflowClient['listSessions']>>) => {
        expect(response.error).toBeUndefined();
        expect(response.status).toBe(200);
        return response.data!.items.map((s) => s.id);
      };
      expect(ids(await nantes.listSessions())).toEqual([s100, s120, s140]);
      expect(ids(await nantes.listSessions({ status: 'planning' }))).toEqual([s100, s140]);
      expect(ids(await nantes.listSessions({ status: 'intake' }))).toEqual([s120]);
      expect(ids(await nantes.listSessions({ from: daysFromNow(now, 110), to: daysFromNow(now, 150) }))).toEqual([s120, s140]);
      expect(ids(await nantes.listSessions({ status: 'planning', from: daysFromNow(now, 110), to: daysFromNow(now, 150) }))).toEqual([s140]);
      expect(ids(await nantes.listSessions({ from: daysFromNow(now, 100), to: daysFromNow(now, 100) }))).toEqual([s100]);
      const page = await nantes.listSessions({ limit: 2 });
      expect(ids(page)).toEqual([s100, s120]);
      expect(ids(await nantes.listSessions({ limit: 2, cursor: page.data!.nextCursor }))).toEqual([s140]);
      // Lyon's manager sees none of Nantes' sessions.
      const lyon = ids(await manager.listSessions({ from: daysFromNow(now, 100), to: daysFromNow(now, 140), limit: 100 }));
      for (const id of [s100, s120, s140]) expect(lyon).not.toContain(id);
      const fromTo = await nantes.listSessions({ from: daysFromNow(now, 150), to: daysFromNow(now, 110) });
      expect(fromTo.status).toBe(400);
      expect(fromTo.error?.field).toBe('from');

      const jurorClient = await env.clientAs('jurors', { sub: juror.userId! });
      expect(ids(await jurorClient.listSessions())).toEqual([s120, s140]);
      expect(ids(await jurorClient.listSessions({ status: 'intake' }))).toEqual([s120]);
      expect(ids(await jurorClient.listSessions({ from: daysFromNow(now, 130) }))).toEqual([s140]);
    });
  });

  it('GET /openapi.json (no token) is an OpenAPI 3.1 document with every route, and POST /sessions requires sessionDate', async () => {
    const response = await env.anonymous.openApi();
    expect(response.status).toBe(200);
    const doc = response.data as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const route of ROUTES) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(operations).toHaveLength(ROUTES.length);
    const createSession = doc.paths['/sessions']!.post! as { requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> } };
    const schema = createSession.requestBody.content['application/json']!.schema;
    expect(schema.required).toContain('sessionDate');
    expect(schema.properties.sessionDate).toBeDefined();
    const patch = doc.paths['/sessions/{sessionId}']!.patch! as { parameters: Array<{ name: string; in: string; required: boolean }> };
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: 'if-match', in: 'header', required: true }));
  });
});
