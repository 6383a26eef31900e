import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../observability/logger';
import type { Caller } from '../use-cases/caller';
import { routeKey, type RouteDefinition } from '../wiring/routes';
import type { Language } from '../domain/sentence';
import { errorResponse, json, responseForError } from './error-response';
import { presentBody } from './response-body';
import { languageOf } from './language';
import { callerOf } from './identity';
import { idFor, type IdempotencyScope } from './idempotency-scope';
import { InvalidRequest, parseJsonBody, parsePart } from './request-parsing';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A request that passed authentication, role and schema checks. */
export interface ApiRequest<R extends RouteDefinition> {
  caller: Caller;
  body: Parsed<R['request']['body']>;
  path: Parsed<R['request']['path']>;
  query: Parsed<R['request']['query']>;
  headers: Parsed<R['request']['headers']>;
  /** The language the caller asked to be answered in (`Accept-Language`), for sentences a use case writes itself. */
  language: Language;
  /** The id of what this request creates: the same for every retry carrying the same Idempotency-Key. */
  newId(): string;
}

/** What a route returns: its body, and a status or headers when not the route's defaults. */
export interface ApiResult {
  body: unknown;
  status?: number;
  headers?: Record<string, string>;
  /** A body that is not JSON, sent with this content type: text (an iCalendar file) as is, bytes (a PDF) base64-encoded. */
  contentType?: string;
}

function rawResponse(statusCode: number, contentType: string, body: unknown, headers: Record<string, string>): APIGatewayProxyStructuredResultV2 {
  const response = { statusCode, headers: { 'content-type': contentType, ...headers } };
  return body instanceof Uint8Array ? { ...response, body: Buffer.from(body).toString('base64'), isBase64Encoded: true } : { ...response, body: String(body) };
}

const ANONYMOUS: Caller = { id: 'anonymous', roles: [] };

function authorize(route: RouteDefinition, event: APIGatewayProxyEventV2, language: Language): { caller: Caller } | { refusal: APIGatewayProxyStructuredResultV2 } {
  if (route.roles === 'public') return { caller: ANONYMOUS };
  const caller = callerOf(event);
  if (!caller) return { refusal: errorResponse(401, 'Unauthorized', { en: 'a valid bearer token is required', fr: 'un jeton d\'accès valide est requis : connectez-vous' }, language) };
  if (!caller.roles.some((role) => (route.roles as readonly string[]).includes(role))) {
    const roles = caller.roles.join(', ');
    return {
      refusal: errorResponse(
        403,
        'Forbidden',
        {
          en: `${route.method} ${route.path} is for ${route.roles.join(', ')}; your roles: ${roles || 'none'}`,
          fr: `${route.method} ${route.path} est réservé aux rôles ${route.roles.join(', ')} ; vos rôles : ${roles || 'aucun'}`,
        },
        language,
      ),
    };
  }
  return { caller };
}

function idempotencyScope(route: RouteDefinition, event: APIGatewayProxyEventV2, caller: Caller, language: Language): IdempotencyScope | undefined {
  const key = event.headers?.['idempotency-key'];
  if (!route.idempotent || key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    const message = language === 'fr' ? '1 à 255 caractères ASCII visibles, par exemple un UUID' : '1 to 255 visible ASCII characters, e.g. a UUID';
    throw new InvalidRequest([{ field: 'idempotency-key', message }]);
  }
  return { callerId: caller.id, target: `${route.method} ${event.rawPath}`, key, payload: event.body ?? '' };
}

/** Runs a write at most once per idempotency scope (see `runOnce` in ./idempotency). */
export type RunOnce = <T>(scope: IdempotencyScope, context: Context, run: () => Promise<T>) => Promise<T>;

/**
 * Wraps a route's use-case call: checks the caller's role against the route table (401/403),
 * validates path, query, headers and body with the route's schemas (400 naming the field),
 * and maps every error through the one mapping. Handlers stay a few lines. Idempotent routes
 * use `idempotentApiHandler`, so that only their bundles hold Powertools Idempotency.
 */
export function apiHandler<const R extends RouteDefinition & { idempotent?: false }>(route: R, run: (request: ApiRequest<R>) => Promise<ApiResult>) {
  return routeHandler(route, run, undefined);
}

/** `apiHandler`, with retries carrying the same `Idempotency-Key` answered by `once` when the route is idempotent. */
export function routeHandler<const R extends RouteDefinition>(route: R, run: (request: ApiRequest<R>) => Promise<ApiResult>, once: RunOnce | undefined) {
  const schemas = route.request;
  const handle = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    if (event.routeKey !== routeKey(route)) {
      logger.error('handler invoked for another route', { routeKey: event.routeKey, expected: routeKey(route) });
      return errorResponse(500, 'InternalError', { en: 'this route is not configured', fr: 'cette route n\'est pas configurée' }, 'en');
    }
    const language = languageOf(event.headers?.['accept-language']);
    const authorized = authorize(route, event, language);
    if ('refusal' in authorized) return authorized.refusal;
    const { caller } = authorized;
    logger.appendKeys({ routeKey: event.routeKey, callerId: caller.id });
    try {
      const request = {
        caller,
        language,
        path: schemas.path ? parsePart(schemas.path, event.pathParameters ?? {}, 'path', language) : undefined,
        query: schemas.query ? parsePart(schemas.query, event.queryStringParameters ?? {}, 'query', language) : undefined,
        headers: schemas.headers ? parsePart(schemas.headers, event.headers ?? {}, 'headers', language) : undefined,
        body: schemas.body ? parsePart(schemas.body, parseJsonBody(event.body, event.isBase64Encoded, language), 'body', language) : undefined,
      };
      const scope = once ? idempotencyScope(route, event, caller, language) : undefined;
      const execute = async () => {
        const result = await run({ ...request, newId: () => idFor(scope) } as ApiRequest<R>);
        return { status: result.status ?? route.status, body: result.body, headers: result.headers ?? {}, ...(result.contentType ? { contentType: result.contentType } : {}) };
      };
      const result = scope && once ? await once(scope, context, execute) : await execute();
      if (result.contentType) return rawResponse(result.status, result.contentType, result.body, result.headers);
      return json(result.status, presentBody(result.body, language), result.headers);
    } catch (error) {
      return responseForError(error, language);
    }
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(handle).use(
    injectLambdaContext(logger, { resetKeys: true }),
  );
}
