import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Conflict, Forbidden, NotFound, RuleViolation, violation } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import { STATUS_OF_KIND } from '../../../shared/http/error-response';
import { parseGroups } from '../../../shared/http/identity';
import type { RouteDefinition } from '../../../shared/wiring/routes';

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

function event(routeKey: string, options: { groups?: string; body?: string; centreId?: string; path?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    rawQueryString: '',
    headers: {},
    body: options.body,
    isBase64Encoded: false,
    pathParameters: options.path,
    requestContext: {
      routeKey,
      ...(options.groups !== undefined
        ? { authorizer: { jwt: { claims: { sub: 'u-1', 'cognito:groups': options.groups, ...(options.centreId ? { 'custom:centreId': options.centreId } : {}) }, scopes: null } } }
        : {}),
    },
  } as unknown as APIGatewayProxyEventV2;
}

async function call(handler: ReturnType<typeof apiHandler>, e: APIGatewayProxyEventV2) {
  const result = (await handler(e, context)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as { error?: Record<string, unknown> } & Record<string, unknown> };
}

function testRoute(request: RouteDefinition['request'] = {}): RouteDefinition & { idempotent?: false } {
  return { id: 'Test', method: 'POST', path: '/sessions', handler: 'x', roles: ['managers'], bindings: {}, summary: 'test', request, status: 201 };
}

describe('apiHandler', () => {
  const echo = apiHandler(testRoute({ body: z.strictObject({ sessionDate: z.iso.date('YYYY-MM-DD') }) }), async ({ caller, body }) => ({ body: { caller, body } }));

  it('passes the caller parsed from the authorizer claims and the validated body', async () => {
    const result = await call(echo, event('POST /sessions', { groups: '[managers]', centreId: 'c-1', body: '{"sessionDate":"2027-01-01"}' }));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ caller: { id: 'u-1', roles: ['managers'], centreId: 'c-1' }, body: { sessionDate: '2027-01-01' } });
  });

  it('401 without verified claims, 403 for a role the route table does not allow, naming the allowed roles', async () => {
    expect((await call(echo, event('POST /sessions'))).status).toBe(401);
    const forbidden = await call(echo, event('POST /sessions', { groups: '[jurors candidates]' }));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.message).toBe('POST /sessions is for managers; your roles: jurors, candidates');
  });

  it('400 naming the field and every issue', async () => {
    const result = await call(echo, event('POST /sessions', { groups: '[managers]', body: '{"sessionDate":"soon","extra":1}' }));
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'InvalidRequest', field: 'sessionDate' });
    expect((result.body.error?.issues as Array<{ field: string }>).map((issue) => issue.field)).toEqual(['sessionDate', 'body']);
  });

  it('a handler invoked for another route is a 500 without internals', async () => {
    const result = await call(echo, event('POST /nowhere', { groups: '[managers]' }));
    expect(result.status).toBe(500);
    expect(result.body.error?.message).toBe('this route is not configured');
  });

  it.each([
    [new NotFound('no session x'), 404],
    [new Forbidden('not yours'), 403],
    [new Conflict('changed'), 409],
    [new RuleViolation([violation('JURY-1', 'a session needs at least 2 jurors; it has 1')]), 422],
  ])('maps %s through the one mapping', async (error, status) => {
    const failing = apiHandler(testRoute(), async () => {
      throw error;
    });
    const result = await call(failing, event('POST /sessions', { groups: '[managers]' }));
    expect(result.status).toBe(status);
    expect(result.body.error).toMatchObject({ code: error.name, message: error.message });
    if (error instanceof RuleViolation) expect(result.body.error?.violations).toEqual([{ ruleId: 'JURY-1', message: 'JURY-1: a session needs at least 2 jurors; it has 1' }]);
  });

  it('an unexpected error is a 500 that leaks neither its message nor its stack', async () => {
    const failing = apiHandler(testRoute(), async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:8000 at Socket.internal');
    });
    const result = await call(failing, event('POST /sessions', { groups: '[managers]' }));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('ECONNREFUSED');
  });

  it('every error kind has a status', () => {
    expect(STATUS_OF_KIND).toEqual({ invalid: 400, forbidden: 403, 'not-found': 404, conflict: 409, rule: 422 });
  });
});

describe('parseGroups', () => {
  it.each([
    ['[managers jurors]', ['managers', 'jurors']],
    ['managers', ['managers']],
    [['quality'], ['quality']],
    ['[admins managers]', ['managers']],
    [undefined, []],
  ] as const)('reads %j as %j (unknown groups are dropped)', (claim, roles) => {
    expect(parseGroups(claim as never)).toEqual(roles);
  });
});
