import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Operation } from './api';
import { SfnApiError } from './errors';
import type { LocalLogger } from './types';

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** A listening HTTP server speaking the AWS JSON 1.0 protocol of Step Functions. */
export interface JsonProtocolServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `POST /` with `X-Amz-Target: AWSStepFunctions.<Operation>`: 200 with the operation's JSON result,
 * or 400 with `{"__type", "message"}` so that @aws-sdk/client-sfn throws the matching named exception.
 */
export async function startJsonProtocolServer(
  operations: Record<string, Operation>,
  host: string,
  port: number,
  logger?: LocalLogger,
): Promise<JsonProtocolServer> {
  const server = createServer((request, response) => {
    void handle(operations, request, response, logger);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${hostInUrl}:${address.port}`, close: () => closeServer(server) };
}

async function handle(operations: Record<string, Operation>, request: IncomingMessage, response: ServerResponse, logger?: LocalLogger): Promise<void> {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operationName = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  try {
    const body = await readBody(request);
    if (request.method !== 'POST') throw new SfnApiError('UnknownOperationException', `${request.method ?? ''} is not supported; POST the operation`);
    const operation = operations[operationName];
    if (!operation) throw new SfnApiError('UnknownOperationException', `Unknown operation: '${target}'`);
    const parsed = body.length === 0 ? {} : (JSON.parse(body) as unknown);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SfnApiError('SerializationException', 'Request body must be a JSON object');
    send(response, 200, operation(parsed as Record<string, unknown>));
  } catch (error) {
    if (error instanceof SfnApiError) {
      send(response, 400, { __type: error.type, message: error.message });
    } else if (error instanceof SyntaxError) {
      send(response, 400, { __type: 'SerializationException', message: error.message });
    } else {
      logger?.error('step functions request failed', { operation: operationName, error: String(error) });
      send(response, 500, { __type: 'InternalFailure', message: String(error) });
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(status >= 400 ? { 'x-amzn-errortype': (body as { __type: string }).__type } : {}),
  });
  response.end(text);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
