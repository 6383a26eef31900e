import { z } from 'zod';
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
        issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        violations: {
          type: 'array',
          description: 'Each broken rule, by its RULES.md ID',
          items: { type: 'object', required: ['ruleId', 'message'], properties: { ruleId: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  [STATUS_OF_KIND.invalid]: 'The request is malformed; `field` names what is wrong and what is allowed',
  401: 'No valid bearer token',
  [STATUS_OF_KIND.forbidden]: 'Your role or your centre does not allow this',
  [STATUS_OF_KIND['not-found']]: 'No such resource',
  [STATUS_OF_KIND.conflict]: 'The resource changed under you, or already exists; reload and retry',
  [STATUS_OF_KIND.rule]: 'A certification rule refuses it; `violations` lists each rule ID',
};

function operation(route: RouteDefinition): JsonSchema {
  const errorStatuses = route.roles === 'public' ? [] : [400, 401, 403, 404, 409, 422];
  const responses: Record<string, JsonSchema> = { [route.status]: { description: 'Success', content: { 'application/json': { schema: { type: 'object' } } } } };
  for (const status of errorStatuses) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
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
  return {
    operationId: route.id.charAt(0).toLowerCase() + route.id.slice(1),
    summary: route.summary,
    ...(route.roles === 'public' ? { security: [] } : { description: `Roles: ${route.roles.join(', ')}` }),
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
    },
    security: [{ cognito: [] }],
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_BODY },
    },
    paths,
  };
  return document;
}
