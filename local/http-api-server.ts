import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { RouteDefinition } from '../shared/wiring/routes';
import { routeKey } from '../shared/wiring/routes';
import { CORS } from '../shared/wiring/cors';
import { apiGatewayEvent, flattenClaims } from './api-gateway-event';
import type { LocalJwtIssuer } from './jwt-issuer';
import { RouteMatcher } from './route-matcher';
import { TokenBuckets } from './token-bucket';
import type { LocalWebApp } from './web-app';

/** A local-only endpoint under `/_local/`, answering JSON. */
export type ControlEndpoint = (body: unknown, method: string) => Promise<{ status: number; body: unknown }>;

/** What the local API server needs. */
export interface HttpApiServerOptions {
  host: string;
  port: number;
  routes: readonly RouteDefinition[];
  issuer: LocalJwtIssuer;
  /** Invokes a route's function with the API Gateway event. */
  invoke(route: RouteDefinition, event: unknown): Promise<unknown>;
  now(): Date;
  /** Endpoints that exist only locally, by path below `/_local/` (e.g. `clock`). */
  controls: Record<string, ControlEndpoint>;
  /** The web app, served at `/` beside the API (its routes live in the URL's hash). */
  web?: LocalWebApp;
  /** Largest body accepted, like API Gateway's 10 MB payload limit. */
  maxBodyBytes?: number;
  onError?(message: string, extra: Record<string, unknown>): void;
}

/** A running local HTTP API. */
export interface HttpApiServer {
  url: string;
  stop(): Promise<void>;
}

/** On every response, as API Gateway adds them; any origin, since the local server has no allowlist. */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': CORS.exposeHeaders.join(','),
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': CORS.allowMethods.join(','),
  'access-control-allow-headers': CORS.allowHeaders.join(','),
  'access-control-max-age': String(CORS.maxAgeSeconds),
};

/** How long the rest of an oversized body is discarded before the connection is cut. */
const DISCARD_LIMIT_MS = 5_000;

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS, ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function announcedTooLarge(request: IncomingMessage, limit: number): boolean {
  return Number(request.headers['content-length']) > limit;
}

/**
 * The request body, or `undefined` as soon as it is known to exceed `limit` (by its
 * `content-length` or by what arrived): chunks are no longer kept from then on.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    request.on('error', reject);
    if (announcedTooLarge(request, limit)) return resolve(undefined);
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (!chunks) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks = undefined;
      resolve(undefined);
    });
    request.on('end', () => resolve(chunks && Buffer.concat(chunks)));
  });
}

/**
 * Answers 413 as API Gateway does, then closes the connection. The answer is written at once,
 * but ended only when the client has finished sending (the rest of the body is discarded), so
 * that closing never resets a connection the client is still writing to; a client still
 * sending after `DISCARD_LIMIT_MS` is cut off.
 */
function sendTooLarge(request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({ message: 'Request Entity Too Large' });
  response.writeHead(413, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...CORS_HEADERS,
  });
  response.write(body);
  const end = (): void => {
    clearTimeout(timer);
    if (!response.writableEnded) response.end();
  };
  const timer = setTimeout(end, DISCARD_LIMIT_MS);
  if (request.complete) return end();
  request.once('end', end).once('close', end).resume();
}

/** The client a route's throttle counts for: the first `x-forwarded-for` entry, else the peer address. */
function clientAddress(request: IncomingMessage): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string' || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    send(response, 200, JSON.stringify(result));
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (!name.toLowerCase().startsWith('access-control-')) headers[name] = String(value);
  }
  const body = result.body ?? '';
  response.writeHead(result.statusCode ?? 200, { ...CORS_HEADERS, ...headers });
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/**
 * The HTTP API on loopback, built from the same route table as the CDK API construct:
 * API Gateway's JWT authorizer (401 before any function runs), a route's `throttle` per client
 * (429 with `Retry-After`, before any function runs), the payload-format-2.0 event, and the
 * function's response written back as API Gateway writes it.
 */
export function startHttpApiServer(options: HttpApiServerOptions): Promise<HttpApiServer> {
  const matcher = new RouteMatcher(options.routes);
  const limit = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const throttles = new TokenBuckets({ now: () => options.now().getTime() });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local');
    const method = (request.method ?? 'GET').toUpperCase();
    response.setHeader('date', options.now().toUTCString());
    if (method === 'OPTIONS') {
      response.writeHead(204, PREFLIGHT_HEADERS);
      response.end();
      return;
    }
    if ((method === 'GET' || method === 'HEAD') && options.web) {
      const file = options.web.serve(url.pathname);
      if (file) {
        response.writeHead(file.status, file.headers);
        response.end(method === 'HEAD' ? undefined : file.body);
        return;
      }
    }
    const body = await readBody(request, limit);
    if (!body) return sendTooLarge(request, response);

    if (url.pathname.startsWith('/_local/')) {
      const control = options.controls[url.pathname.slice('/_local/'.length)];
      if (!control) return send(response, 404, { message: 'Not Found' });
      let parsed: unknown = {};
      try {
        parsed = body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(response, 400, { error: { code: 'InvalidInput', message: 'body: not valid JSON' } });
      }
      const result = await control(parsed, method);
      return send(response, result.status, result.body);
    }

    const match = matcher.match(method, url.pathname);
    if (match.kind === 'none') return send(response, 404, { message: 'Not Found' });

    if (match.route.throttle) {
      const key = routeKey(match.route);
      const taken = throttles.take(`${key} ${clientAddress(request)}`, match.route.throttle);
      if (!taken.allowed) {
        const message = `too many requests to ${key}; try again in ${taken.retryAfterSeconds} s`;
        return send(response, 429, { error: { code: 'TooManyRequests', message } }, { 'retry-after': String(taken.retryAfterSeconds) });
      }
    }

    let claims: Record<string, string> | undefined;
    if (match.route.roles !== 'public') {
      const token = bearerToken(request.headers.authorization);
      if (!token) return send(response, 401, { message: 'Unauthorized' });
      try {
        claims = flattenClaims(await options.issuer.verify(token));
      } catch {
        return send(response, 401, { message: 'Unauthorized' });
      }
    }

    const event = apiGatewayEvent(
      {
        method,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        routeKey: routeKey(match.route),
        pathParameters: match.pathParameters,
        claims,
      },
      options.now(),
    );
    try {
      writeResult(response, (await options.invoke(match.route, event)) as APIGatewayProxyResultV2);
    } catch (error) {
      options.onError?.('function failed', { route: routeKey(match.route), error: (error as Error).message });
      send(response, 500, { message: 'Internal Server Error' });
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      options.onError?.('request failed', { error: error.message });
      if (!response.headersSent) send(response, 500, { message: 'Internal Server Error' });
    });
  });
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    if (!announcedTooLarge(request, limit)) response.writeContinue();
    server.emit('request', request, response);
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        url: `http://${options.host}:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
