import * as z from 'zod';
import { ROUTES, type RouteDefinition } from '../wiring/routes';
import { STATUS_OF_KIND } from './error-response';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query' | 'header'): JsonSchema[] {
  if (!schema) return [];
  const described = jsonSchema(schema);
  const properties = (described.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((described.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}

const ERROR_BODY: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'The error name, e.g. InvalidRequest, PlanningBlocked' },
        message: { type: 'string', description: 'A sentence a person can act on' },
        field: { type: 'string', description: 'The request field at fault' },
        issues: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        violations: {
          type: 'array',
          description: 'Each broken rule, by its RULES.md ID',
          items: { type: 'object', required: ['ruleId', 'message'], properties: { ruleId: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const GATEWAY_ERROR_BODY: JsonSchema = {
  type: 'object',
  required: ['message'],
  description: "API Gateway's own refusal, written before any function runs",
  properties: { message: { type: 'string', description: 'e.g. Unauthorized, Too Many Requests' } },
};

const ERROR_OR_GATEWAY_ERROR: JsonSchema = { oneOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/GatewayError' }] };

function errorResponse(description: string, schema: JsonSchema = { $ref: '#/components/schemas/Error' }, headers?: JsonSchema): JsonSchema {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } };
}

/** Each error response by status, kept once under `components.responses` by name. */
const ERROR_RESPONSES: Record<number, { name: string; response: JsonSchema }> = {
  [STATUS_OF_KIND.invalid]: { name: 'InvalidRequest', response: errorResponse('The request is malformed; `field` names what is wrong and what is allowed') },
  401: { name: 'Unauthorized', response: errorResponse('No valid bearer token', ERROR_OR_GATEWAY_ERROR) },
  [STATUS_OF_KIND.forbidden]: { name: 'Forbidden', response: errorResponse('Your role or your centre does not allow this') },
  [STATUS_OF_KIND['not-found']]: { name: 'NotFound', response: errorResponse('No such resource') },
  [STATUS_OF_KIND.conflict]: { name: 'Conflict', response: errorResponse('The resource changed under you, or already exists; reload and retry') },
  [STATUS_OF_KIND.rule]: { name: 'RuleViolation', response: errorResponse('A certification rule refuses it; `violations` lists each rule ID') },
  429: {
    name: 'TooManyRequests',
    response: errorResponse(
      "Throttled before any function ran: the stage's limit on AWS, or the route's own tighter one (in its description); wait and retry",
      ERROR_OR_GATEWAY_ERROR,
      { 'Retry-After': { description: 'Seconds to wait before retrying, when given', schema: { type: 'integer', minimum: 1 } } },
    ),
  },
};

/**
 * The errors a route can answer. Any route can be throttled (429); a public route otherwise only
 * refuses a request part that fails its schema (400) or a path naming nothing (404); any other
 * route also checks the caller.
 */
function errorStatuses(route: RouteDefinition): number[] {
  if (route.roles !== 'public') return [400, 401, 403, 404, 409, 422, 429];
  const { body, path, query, headers } = route.request;
  return [...(body || path || query || headers ? [400] : []), ...(path ? [404] : []), 429];
}

function description(route: RouteDefinition): string | undefined {
  const lines = [
    ...(route.roles === 'public' ? [] : [`Roles: ${route.roles.join(', ')}`]),
    ...(route.throttle ? [`Rate-limited: ${route.throttle.ratePerSecond} requests per second, bursts of ${route.throttle.burst}`] : []),
  ];
  return lines.length > 0 ? lines.join('. ') : undefined;
}

function operation(route: RouteDefinition): JsonSchema {
  const responses: Record<string, JsonSchema> = { [route.status]: { description: 'Success', content: { 'application/json': { schema: { type: 'object' } } } } };
  for (const status of errorStatuses(route)) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  const headerParameters = parameters(route.request.headers, 'header');
  if (route.idempotent) {
    headerParameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Retrying with the same key within 24 hours returns the first result and writes nothing twice',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  const notes = description(route);
  return {
    operationId: route.id.charAt(0).toLowerCase() + route.id.slice(1),
    summary: route.summary,
    ...(route.roles === 'public' ? { security: [] } : {}),
    ...(notes ? { description: notes } : {}),
    parameters: [...parameters(route.request.path, 'path'), ...parameters(route.request.query, 'query'), ...headerParameters],
    ...(route.request.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.request.body) } } } } : {}),
    responses,
  };
}

let document: JsonSchema | undefined;

/** The OpenAPI 3.1 document of the HTTP API, generated from the route table's schemas (built once). */
export function openApiDocument(): JsonSchema {
  if (document) return document;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  document = {
    openapi: '3.1.0',
    info: {
      title: 'Certiflow API',
      version: '1',
      description: 'Runs professional-certification exam sessions. Rule IDs refer to RULES.md. Send the Cognito ID token as a bearer token.',
      license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The API that serves this document: the HTTP API stage on AWS, or the local server (http://127.0.0.1:4000 by default)' }],
    security: [{ cognito: [] }],
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_BODY, GatewayError: GATEWAY_ERROR_BODY },
      responses: Object.fromEntries(Object.values(ERROR_RESPONSES).map(({ name, response }) => [name, response])),
    },
    paths,
  };
  return document;
}
