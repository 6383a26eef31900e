import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { CORS } from '../../shared/wiring/cors';
import { MAX_CANDIDATES_PER_SESSION } from '../../shared/use-cases/limits';
import { daysFromNow } from './support/fixtures';
import { Inspector } from './support/inspect';
import { startTestRuntime, type TestRuntime } from './support/test-runtime';

/** Sends a body with node:http, so that the answer to an oversized body can be read. */
function post(url: string, path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const sent = request(target, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('the HTTP API at its edge: what works locally works on AWS', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;

  async function writes() {
    return (await inspect.allItems()).length;
  }

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-edge', centreId: 'centre-edge' });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("a browser's preflight is answered from the one CORS definition the deployed API is built from: If-Match and Idempotency-Key may be sent, ETag read", async () => {
    const preflight = await fetch(`${env.runtime.urls.api}/sessions/${randomUUID()}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.org', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')?.split(',')).toEqual([...CORS.allowHeaders]);
    expect(preflight.headers.get('access-control-allow-methods')?.split(',')).toEqual([...CORS.allowMethods]);
    expect(preflight.headers.get('access-control-expose-headers')?.split(',')).toEqual([...CORS.exposeHeaders]);
    expect(CORS.allowHeaders).toEqual(expect.arrayContaining(['if-match', 'idempotency-key']));
    const read = await manager.listSessions();
    expect(read.headers.get('access-control-expose-headers')).toContain('etag');
  });

  it('a body over 10 MB gets a 413, as API Gateway answers it, not a reset connection; nothing is written', async () => {
    const before = await writes();
    const token = await env.runtime.issuer.sign({ sub: 'manager-edge', roles: ['managers'], centreId: 'centre-edge' });
    const answer = await post(env.runtime.urls.api, '/sessions', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ message: 'Request Entity Too Large' });
    expect(await writes()).toBe(before);
  });

  it(`declarations beyond one per candidate (${MAX_CANDIDATES_PER_SESSION}) get a 400 naming the field, never a 500; nothing is written`, async () => {
    const juror = await env.clientAs('jurors', { sub: 'juror-edge' });
    const before = await writes();
    const declarations = Array.from({ length: 99 }, () => ({ registrationId: randomUUID(), link: 'none' as const }));
    const answer = await juror.declareLinks(randomUUID(), { declarations });
    expect(answer.status).toBe(400);
    expect(answer.error!.issues).toEqual([{ field: 'declarations', message: `at most ${MAX_CANDIDATES_PER_SESSION} declarations, one per candidate of the session` }]);
    expect(await writes()).toBe(before);
  });

  it('JURY-4: the same candidate twice in one request is refused with a sentence that says so, naming the entry', async () => {
    const juror = await env.clientAs('jurors', { sub: 'juror-edge' });
    const registrationId = randomUUID();
    const answer = await juror.declareLinks(randomUUID(), { declarations: [{ registrationId, link: 'none' }, { registrationId, link: 'personal' }] });
    expect(answer.status).toBe(400);
    expect(answer.error!.issues).toEqual([{ field: 'declarations.1.registrationId', message: `registration ${registrationId} is declared twice in this request; declare each candidate once` }]);
  });

  it('JURY-2: only the certifier records jurors, habilitations and account bindings; a juror reads their own record; a manager reads it once the juror sits for their centre', async () => {
    const now = env.runtime.clock.now();
    const body = { firstName: 'Lina', lastName: `Roux-${randomUUID().slice(0, 6)}`, email: `lina.${randomUUID().slice(0, 6)}@example.org`, profession: 'data analyst', yearsOfExperience: 4, habilitations: [{ issuedBy: 'Simplon', validFrom: daysFromNow(now, -10), validUntil: daysFromNow(now, 400) }] };
    const byManager = await manager.createJuror(body);
    expect(byManager.status).toBe(403);
    const created = await env.certifier.createJuror(body);
    const jurorId = created.data!.juror.id;
    expect((await manager.addHabilitation(jurorId, { issuedBy: 'Centre Edge', validFrom: daysFromNow(now, 0), validUntil: daysFromNow(now, 30) })).status).toBe(403);
    expect((await manager.request('PATCH', `/jurors/${jurorId}`, { userId: 'someone-chosen-by-the-centre' }, { ifMatch: 1 })).status).toBe(403);
    const bound = await env.certifier.updateJuror(jurorId, { userId: 'lina-account' }, { ifMatch: 1 });
    expect(bound.status, JSON.stringify(bound.error)).toBe(200);
    const self = await (await env.clientAs('jurors', { sub: 'lina-account' })).getJuror(jurorId);
    expect(self.data!.juror).toMatchObject({ id: jurorId, userId: 'lina-account', profession: 'data analyst' });
    expect((await manager.getJuror(jurorId)).status).toBe(403);
    const sessionId = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(now, 90), address: '12 rue des Lilas, 69001 Lyon' })).data!.session.id;
    expect((await manager.assignJuror(sessionId, jurorId)).status).toBe(201);
    const seen = await manager.getJuror(jurorId);
    expect(seen.data!.juror).toMatchObject({ id: jurorId, email: body.email, profession: 'data analyst' });
    expect(Object.keys(seen.data!.juror)).not.toContain('userId');
  });

  it('REF-1: a title code is RNCP and its digits, whatever their number; an unknown one is refused as unknown, not as malformed', async () => {
    const body = (titleCode: string) => ({ titleCode, sessionDate: daysFromNow(env.runtime.clock.now(), 60), address: '12 rue des Lilas, 69001 Lyon' });
    const short = await manager.createSession(body('RNCP322'));
    expect(short.status).toBe(400);
    expect(short.error!.message).toBe('titleCode: RNCP322 is not a title Certiflow knows (REF-1)');
    const long = await manager.createSession(body('RNCP1234567'));
    expect(long.error!.message).toBe('titleCode: RNCP1234567 is not a title Certiflow knows (REF-1)');
    const malformed = await manager.createSession(body('RNCP-34757'));
    expect(malformed.error!.issues).toEqual([{ field: 'titleCode', message: 'RNCP followed by its digits, as France Compétences writes it, e.g. RNCP34757' }]);
    expect((await manager.createSession(body('RNCP34757'))).status).toBe(201);
  });
});
