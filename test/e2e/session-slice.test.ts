import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { Inspector } from './support/inspect';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

const validBody = { titleCode: 'RNCP34757', sessionDate: '2027-06-15', address: '12 rue des Lilas, 69001 Lyon' };

describe('the vertical slice: POST /sessions → DynamoDB + Step Functions → GET /sessions/{id}', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-1', centreId: 'centre-lyon' });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('GET /health answers without a token, with every dependency up', async () => {
    const response = await env.anonymous.health();
    expect(response.status).toBe(200);
    expect(response.data?.status).toBe('up');
    expect(response.data?.dependencies.map((d) => [d.name, d.status])).toEqual([
      ['table', 'up'],
      ['deliverablesBucket', 'up'],
      ['recordsBucket', 'up'],
      ['sessionStateMachine', 'up'],
    ]);
  });

  it('a manager creates a session: session and audit event written together, execution named after it reaches WaitForPlanning', async () => {
    const created = await manager.createSession(validBody);
    expect(created.status).toBe(201);
    const session = created.data!.session;
    expect(session).toMatchObject({ ...validBody, centreId: 'centre-lyon', status: 'planning', remote: false, version: 1, createdBy: 'manager-1' });
    expect(created.headers.get('location')).toBe(`/sessions/${session.id}`);

    const view = await eventually(
      () => manager.getSession(session.id),
      (response) => atWait('WaitForPlanning')(response) && response.data?.session.pendingStep?.step === 'planning',
    );
    expect(view.status).toBe(200);
    expect(view.data!.session.workflow?.status).toBe('RUNNING');
    expect(view.data!.session.workflow?.executionArn).toBe(`${env.runtime.sessionStateMachineArn.replace(':stateMachine:', ':execution:')}:${session.id}`);
    expect(view.data!.session.pendingStep?.step).toBe('planning');
    expect(JSON.stringify(view.data)).not.toContain('taskToken');

    const actions = (await inspect.partition(`AUDIT#SESSION#${session.id}`)).map((item) => item.action);
    expect(actions).toEqual(['session.created', 'workflow.started', 'workflow.waiting']);
    expect(await inspect.statesEntered(view.data!.session.workflow!.executionArn)).toEqual(['OpenPlanning', 'WaitForPlanning']);
    expect((await inspect.executions()).map((execution) => execution.name)).toContain(session.id);
  });

  describe('refusals write nothing', () => {
    const refusals: Array<[string, () => Promise<{ status: number; code?: string; field?: string }>, number]> = [
      ['no token → 401', async () => toOutcome(await env.anonymous.createSession(validBody)), 401],
      ['a forged token → 401', async () => toOutcome(await env.anonymous.as('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln').createSession(validBody)), 401],
      ['a juror → 403', async () => toOutcome(await (await env.clientAs('jurors')).createSession(validBody)), 403],
      ['a candidate → 403', async () => toOutcome(await (await env.clientAs('candidates')).createSession(validBody)), 403],
      ['a date that is not a date → 400 naming sessionDate', async () => toOutcome(await manager.createSession({ ...validBody, sessionDate: '15/06/2027' })), 400],
      ['a missing address → 400 naming address', async () => toOutcome(await manager.request('POST', '/sessions', { titleCode: 'RNCP34757', sessionDate: '2027-06-15' })), 400],
      ['an unknown field → 400', async () => toOutcome(await manager.request('POST', '/sessions', { ...validBody, status: 'sealed' })), 400],
      ['a body that is not JSON → 400', async () => toOutcome(await manager.request('POST', '/sessions', undefined, { rawBody: '{"titleCode":' })), 400],
      ['REF-1: an unknown title → 400', async () => toOutcome(await manager.createSession({ ...validBody, titleCode: 'RNCP00001' })), 400],
      ['a session date in the past → 400', async () => toOutcome(await manager.createSession({ ...validBody, sessionDate: '2020-01-01' })), 400],
      ['a manager without a centre → 403', async () => toOutcome(await (await env.clientAs('managers', { centreId: '' })).createSession(validBody)), 403],
    ];

    it.each(refusals)('POST /sessions with %s', async (_name, act, expected) => {
      const before = await inspect.writeSnapshot();
      const outcome = await act();
      expect(outcome.status).toBe(expected);
      expect(await inspect.writeSnapshot()).toEqual(before);
    });

    it('a bad body names the field and what is allowed', async () => {
      const response = await manager.createSession({ ...validBody, sessionDate: '15/06/2027' });
      expect(response.error).toMatchObject({ code: 'InvalidRequest', field: 'sessionDate' });
      expect(response.error!.message).toContain('YYYY-MM-DD');
      const missing = await manager.request('POST', '/sessions', { titleCode: 'RNCP34757', sessionDate: '2027-06-15' });
      expect(missing.error?.field).toBe('address');
    });

    it('an unknown session id → 404, a malformed one → 400, another centre → 403', async () => {
      expect((await manager.getSession('7d1b7c1e-8f0a-4c4e-9a55-0d6b0b1f0c11')).status).toBe(404);
      const malformed = await manager.getSession('not-a-session');
      expect(malformed.status).toBe(400);
      expect(malformed.error?.field).toBe('sessionId');
      const created = await manager.createSession(validBody);
      const otherCentre = await env.clientAs('managers', { sub: 'manager-2', centreId: 'centre-paris' });
      expect((await otherCentre.getSession(created.data!.session.id)).status).toBe(403);
      expect((await (await env.clientAs('quality')).getSession(created.data!.session.id)).status).toBe(200);
      expect((await (await env.clientAs('candidates')).getSession(created.data!.session.id)).status).toBe(403);
    });

    it('errors carry no stack trace or internals', async () => {
      const response = await manager.request('POST', '/sessions', undefined, { rawBody: '{' });
      expect(JSON.stringify(response.error)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
    });
  });
});

function toOutcome(response: { status: number; error?: { code: string; field?: string } }) {
  return { status: response.status, code: response.error?.code, field: response.error?.field };
}
