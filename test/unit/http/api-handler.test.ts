import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Conflict, Forbidden, NotFound, RuleViolation, violation } from '../../../shared/domain/errors';
import { bilingual } from '../../../shared/schemas/bilingual';
import { isoDate } from '../../../shared/schemas/common';
import { apiHandler } from '../../../shared/http/api-handler';
import { STATUS_OF_KIND } from '../../../shared/http/error-response';
import { parseGroups } from '../../../shared/http/identity';
import type { RouteDefinition } from '../../../shared/wiring/routes';

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

function event(routeKey: string, options: { groups?: string; body?: string; centreId?: string; path?: Record<string, string>; acceptLanguage?: string } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey,
    rawPath: '/',
    rawQueryString: '',
    headers: options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {},
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

function echoRoute() {
  return apiHandler(testRoute({ body: z.strictObject({ sessionDate: z.iso.date('YYYY-MM-DD') }) }), async ({ caller, body }) => ({ body: { caller, body } }));
}

describe('apiHandler', () => {
  const echo = echoRoute();

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
    [new NotFound({ en: 'no session x', fr: 'aucune session x' }), 404],
    [new Forbidden({ en: 'not yours', fr: 'pas la vôtre' }), 403],
    [new Conflict({ en: 'changed', fr: 'modifiée' }), 409],
    [new RuleViolation([violation('JURY-1', { en: 'a session needs at least 2 jurors; it has 1', fr: 'une session requiert au moins 2 jurés ; elle en compte 1' })]), 422],
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

describe('apiHandler answers refusals in the language the request asks for', () => {
  const jury1 = () =>
    new RuleViolation([
      violation('JURY-1', { en: 'a session needs at least 2 jurors; it has 1', fr: 'une session requiert au moins 2 jurés ; elle en compte 1' }),
      violation('JURY-3', { en: 'Alex Martin trains this cohort and cannot sit on its jury', fr: 'Alex Martin est formateur de cette promotion et ne peut pas siéger à son jury' }),
    ]);
  const refusing = apiHandler(testRoute(), async () => {
    throw jury1();
  });

  it('JURY-1, JURY-3: with Accept-Language: fr a rule refusal keeps its code and rule IDs, its sentences in French', async () => {
    const fr = await call(refusing, event('POST /sessions', { groups: '[managers]', acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.8' }));
    const en = await call(refusing, event('POST /sessions', { groups: '[managers]' }));
    expect(fr.status).toBe(422);
    expect(fr.body.error?.code).toBe(en.body.error?.code);
    expect(fr.body.error?.code).toBe('RuleViolation');
    expect(fr.body.error?.violations).toEqual([
      { ruleId: 'JURY-1', message: 'JURY-1 : une session requiert au moins 2 jurés ; elle en compte 1' },
      { ruleId: 'JURY-3', message: 'JURY-3 : Alex Martin est formateur de cette promotion et ne peut pas siéger à son jury' },
    ]);
    expect(fr.body.error?.message).toBe('JURY-1 : une session requiert au moins 2 jurés ; elle en compte 1 ; JURY-3 : Alex Martin est formateur de cette promotion et ne peut pas siéger à son jury');
    expect((en.body.error?.violations as Array<{ ruleId: string }>).map((v) => v.ruleId)).toEqual(['JURY-1', 'JURY-3']);
  });

  it('JURY-1: without Accept-Language, or asking for a language Certiflow does not speak, the refusal is in English', async () => {
    for (const acceptLanguage of [undefined, 'de-DE,de;q=0.9']) {
      const result = await call(refusing, event('POST /sessions', { groups: '[managers]', acceptLanguage }));
      expect(result.body.error?.message).toBe('JURY-1: a session needs at least 2 jurors; it has 1; JURY-3: Alex Martin trains this cohort and cannot sit on its jury');
      expect(result.body.error?.violations).toEqual([
        { ruleId: 'JURY-1', message: 'JURY-1: a session needs at least 2 jurors; it has 1' },
        { ruleId: 'JURY-3', message: 'JURY-3: Alex Martin trains this cohort and cannot sit on its jury' },
      ]);
    }
  });

  it("a schema issue is said in French by zod's French locale, the same field and code as in English", async () => {
    const counting = apiHandler(testRoute({ body: z.strictObject({ count: z.number() }) }), async () => ({ body: {} }));
    const fr = await call(counting, event('POST /sessions', { groups: '[managers]', body: '{"count":"x"}', acceptLanguage: 'fr' }));
    const en = await call(counting, event('POST /sessions', { groups: '[managers]', body: '{"count":"x"}' }));
    expect(fr.status).toBe(400);
    expect(fr.body.error).toMatchObject({ code: 'InvalidRequest', field: 'count', issues: [{ field: 'count', message: 'Entrée invalide : nombre attendu, chaîne de caractères reçu' }] });
    expect(en.body.error).toMatchObject({ code: 'InvalidRequest', field: 'count', issues: [{ field: 'count', message: 'Invalid input: expected number, received string' }] });
    expect(fr.body.error?.message).toBe('count : Entrée invalide : nombre attendu, chaîne de caractères reçu');
  });

  it("a schema's own message written with bilingual is said in French, and in English without the header", async () => {
    const reasoned = apiHandler(
      testRoute({ body: z.strictObject({ sessionDate: isoDate, reason: z.string().min(5, bilingual({ en: 'why, 5 to 50 characters', fr: 'pourquoi, de 5 à 50 caractères' })) }) }),
      async () => ({ body: {} }),
    );
    const body = '{"sessionDate":"soon","reason":"no"}';
    const fr = await call(reasoned, event('POST /sessions', { groups: '[managers]', body, acceptLanguage: 'fr' }));
    const en = await call(reasoned, event('POST /sessions', { groups: '[managers]', body }));
    expect(fr.body.error?.issues).toEqual([
      { field: 'sessionDate', message: 'une date calendaire, AAAA-MM-JJ' },
      { field: 'reason', message: 'pourquoi, de 5 à 50 caractères' },
    ]);
    expect(en.body.error?.issues).toEqual([
      { field: 'sessionDate', message: 'a calendar date, YYYY-MM-DD' },
      { field: 'reason', message: 'why, 5 to 50 characters' },
    ]);
  });

  it('a 403 is in French: for a role the route does not allow, and for a Forbidden the use case throws', async () => {
    const forbidden = await call(echoRoute(), event('POST /sessions', { groups: '[jurors candidates]', acceptLanguage: 'fr' }));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toEqual({ code: 'Forbidden', message: 'POST /sessions est réservé aux rôles managers ; vos rôles : jurors, candidates' });
    const notYours = apiHandler(testRoute(), async () => {
      throw new Forbidden({ en: 'session s-1 belongs to another organising centre; you manage c-2', fr: "la session s-1 relève d'un autre centre organisateur ; vous gérez le centre c-2" });
    });
    const fr = await call(notYours, event('POST /sessions', { groups: '[managers]', acceptLanguage: 'fr' }));
    const en = await call(notYours, event('POST /sessions', { groups: '[managers]' }));
    expect(fr.status).toBe(403);
    expect(fr.body.error).toEqual({ code: 'Forbidden', message: "la session s-1 relève d'un autre centre organisateur ; vous gérez le centre c-2" });
    expect(en.body.error).toEqual({ code: 'Forbidden', message: 'session s-1 belongs to another organising centre; you manage c-2' });
  });

  it('the response to a success carries stored violations in the language asked for', async () => {
    const blocked = apiHandler(testRoute(), async () => ({ body: { blockers: jury1().violations } }));
    const fr = await call(blocked, event('POST /sessions', { groups: '[managers]', acceptLanguage: 'fr' }));
    expect((fr.body.blockers as Array<{ message: string }>)[0]).toEqual({ ruleId: 'JURY-1', message: 'JURY-1 : une session requiert au moins 2 jurés ; elle en compte 1' });
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
