import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type HttpApiServer, startHttpApiServer } from '../../../local/http-api-server';
import { LocalJwtIssuer } from '../../../local/jwt-issuer';
import { CORS } from '../../../shared/wiring/cors';
import type { RouteDefinition } from '../../../shared/wiring/routes';

const MAX_BODY_BYTES = 1024;
const VERIFY_THROTTLE = { ratePerSecond: 0.5, burst: 3 };

const ROUTES: RouteDefinition[] = [
  { id: 'Ping', method: 'GET', path: '/ping', handler: 'ping.ts', roles: 'public', bindings: {}, summary: 'ping', request: {}, status: 200 },
  { id: 'Note', method: 'POST', path: '/notes', handler: 'note.ts', roles: ['managers'], bindings: {}, summary: 'note', request: {}, status: 201 },
  { id: 'Verify', method: 'GET', path: '/verify/{code}', handler: 'verify.ts', roles: 'public', bindings: {}, summary: 'verify', request: {}, status: 200, throttle: VERIFY_THROTTLE },
];

/** The server's clock, moved by hand. */
let clock = Date.parse('2026-03-02T09:00:00Z');
let dataDir: string;
let issuer: LocalJwtIssuer;
let server: HttpApiServer;
const invoke = vi.fn(async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', etag: '"3"', 'access-control-allow-origin': 'https://not-the-api.example' },
  body: '{"ok":true}',
}));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'http-api-server-'));
  issuer = await LocalJwtIssuer.open(join(dataDir, 'key.json'));
  server = await startHttpApiServer({
    host: '127.0.0.1',
    port: 0,
    routes: ROUTES,
    issuer,
    invoke,
    now: () => new Date(clock),
    controls: {},
    maxBodyBytes: MAX_BODY_BYTES,
  });
});

afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function list(header: string | null | undefined): string[] {
  return (header ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
}

describe('the local server answers CORS from the shared definition, as the deployed API does', () => {
  it('answers a preflight with 204 and exactly the methods, headers, expose headers and max age of the definition', async () => {
    const response = await fetch(`${server.url}/notes`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'if-match,idempotency-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(response.headers.get('access-control-allow-methods'))).toEqual([...CORS.allowMethods].map((method) => method.toLowerCase()));
    expect(list(response.headers.get('access-control-allow-headers'))).toEqual(CORS.allowHeaders);
    expect(list(response.headers.get('access-control-expose-headers'))).toEqual(CORS.exposeHeaders);
    expect(Number(response.headers.get('access-control-max-age'))).toBe(CORS.maxAgeSeconds);
    expect(list(response.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(['if-match', 'idempotency-key']));
  });

  it("exposes the definition's headers on a function's response, so a browser app can read its etag; the function's own CORS headers are ignored", async () => {
    const response = await fetch(`${server.url}/ping`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(response.headers.get('access-control-expose-headers'))).toEqual(CORS.exposeHeaders);
    expect(list(response.headers.get('access-control-expose-headers'))).toContain('etag');
  });

  it("carries the CORS headers on the authorizer's 401 and on a route with roles once authorized", async () => {
    const refused = await fetch(`${server.url}/notes`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(refused.headers.get('access-control-expose-headers'))).toEqual(CORS.exposeHeaders);

    const token = await issuer.sign({ sub: 'm-1', roles: ['managers'] });
    const accepted = await fetch(`${server.url}/notes`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${token}` } });
    expect(accepted.status).toBe(200);
    expect(list(accepted.headers.get('access-control-expose-headers'))).toEqual(CORS.exposeHeaders);
  });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs to `/notes` with `node:http` and resolves with the response, or rejects with the
 * client's error (a reset, a broken pipe) if one comes before it. With `body` undefined, only
 * the headers are sent, announcing `contentLength` bytes.
 */
function post(contentLength: number, body?: Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.url}/notes`, { method: 'POST', headers: { ...headers, 'content-length': String(contentLength) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        outgoing.destroy();
      });
    });
    outgoing.on('error', reject);
    if (body) outgoing.end(body);
    else outgoing.flushHeaders();
  });
}

function expectTooLarge(response: RawResponse): void {
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body)).toEqual({ message: 'Request Entity Too Large' });
  expect(response.headers.connection).toBe('close');
  expect(response.headers['access-control-allow-origin']).toBe('*');
  expect(list(response.headers['access-control-expose-headers'])).toEqual(CORS.exposeHeaders);
}

describe('the local server answers an oversized body with 413, as API Gateway does, not with a reset', () => {
  it('answers a body just over the limit with 413 and the CORS headers, without invoking the function', async () => {
    invoke.mockClear();
    expectTooLarge(await post(MAX_BODY_BYTES + 1, Buffer.alloc(MAX_BODY_BYTES + 1, 'a')));
    expect(invoke).not.toHaveBeenCalled();
  });

  it('answers a 2 MB body with 413: the client reads the answer, with no reset or broken pipe', async () => {
    const size = 2 * 1024 * 1024;
    expectTooLarge(await post(size, Buffer.alloc(size, 'a')));
  });

  it('answers 413 on a content-length over the limit before any of the body is sent', async () => {
    expectTooLarge(await post(2 * 1024 * 1024));
  });

  it('still serves a body of exactly the limit to the function', async () => {
    invoke.mockClear();
    const token = await issuer.sign({ sub: 'm-1', roles: ['managers'] });
    const response = await post(MAX_BODY_BYTES, Buffer.alloc(MAX_BODY_BYTES, 'a'), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(invoke).toHaveBeenCalledOnce();
  });
});

describe("the local server holds a throttled route to its rate per client, as the deployed stage's route settings do", () => {
  function verify(code: string, client?: string): Promise<Response> {
    return fetch(`${server.url}/verify/${code}`, { headers: client ? { 'x-forwarded-for': client } : {} });
  }

  it('API throttle: lets `burst` requests through, then answers 429 with Retry-After and the CORS headers, without invoking the function', async () => {
    invoke.mockClear();
    for (const code of ['A1', 'B2', 'C3']) expect((await verify(code)).status).toBe(200);
    expect(invoke).toHaveBeenCalledTimes(VERIFY_THROTTLE.burst);

    const refused = await verify('D4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toEqual({ error: { code: 'TooManyRequests', message: 'too many requests to GET /verify/{code}; try again in 2 s' } });
    expect(refused.headers.get('content-type')).toBe('application/json');
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(refused.headers.get('access-control-expose-headers'))).toContain('retry-after');
    expect(invoke).toHaveBeenCalledTimes(VERIFY_THROTTLE.burst);
  });

  it('API throttle: counts each client apart, by the first x-forwarded-for entry when there is one', async () => {
    for (let i = 0; i < VERIFY_THROTTLE.burst; i += 1) expect((await verify('A1', '203.0.113.7, 10.0.0.1')).status).toBe(200);
    expect((await verify('A1', '203.0.113.7')).status).toBe(429);

    invoke.mockClear();
    expect((await verify('A1', '10.0.0.1')).status).toBe(200);
    expect((await verify('A1', '198.51.100.2')).status).toBe(200);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('API throttle: lets requests through again as the injected clock moves on, counting Retry-After down', async () => {
    const client = '192.0.2.10';
    for (let i = 0; i < VERIFY_THROTTLE.burst; i += 1) expect((await verify('A1', client)).status).toBe(200);
    expect((await verify('A1', client)).headers.get('retry-after')).toBe('2');

    clock += 1_500;
    const stillRefused = await verify('A1', client);
    expect(stillRefused.status).toBe(429);
    expect(stillRefused.headers.get('retry-after')).toBe('1');

    clock += 500;
    invoke.mockClear();
    expect((await verify('A1', client)).status).toBe(200);
    expect(invoke).toHaveBeenCalledOnce();
    expect((await verify('A1', client)).status).toBe(429);
  });

  it('API throttle: leaves a route without throttle alone', async () => {
    for (let i = 0; i < VERIFY_THROTTLE.burst * 3; i += 1) expect((await fetch(`${server.url}/ping`, { headers: { 'x-forwarded-for': '192.0.2.20' } })).status).toBe(200);
  });
});
