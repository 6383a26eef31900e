import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../observability/logger';
import type { Caller } from '../use-cases/caller';
import { findRoute } from '../wiring/routes';
import { errorResponse, json, responseForError } from './error-response';
import { callerOf } from './identity';
import { parseJsonBody, parsePart } from './request-parsing';

/** The schemas of a route's request parts; each part not given is not read. */
export interface RequestSchemas<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> {
  body?: B;
  path?: P;
  query?: Q;
}

/** A request that passed authentication, role and schema checks. */
export interface ApiRequest<B, P, Q> {
  caller: Caller;
  body: B;
  path: P;
  query: Q;
  headers: Record<string, string | undefined>;
}

/** What a route returns: a status and a JSON body. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const ANONYMOUS: Caller = { id: 'anonymous', roles: [] };

/**
 * Wraps a route's use-case call: finds the route in the route table by `event.routeKey`,
 * checks the caller's role against it (401/403), validates path, query and body (400 naming
 * the field), and maps every error through the one mapping. Handlers stay a few lines.
 */
export function apiHandler<B extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  schemas: RequestSchemas<B, P, Q>,
  run: (request: ApiRequest<z.output<B>, z.output<P>, z.output<Q>>) => Promise<ApiResult>,
) {
  const handle = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = findRoute(event.routeKey);
    if (!route) {
      logger.error('route not in the route table', { routeKey: event.routeKey });
      return errorResponse(500, 'InternalError', 'this route is not configured');
    }
    let caller = ANONYMOUS;
    if (route.roles !== 'public') {
      const verified = callerOf(event);
      if (!verified) return errorResponse(401, 'Unauthorized', 'a valid bearer token is required');
      if (!verified.roles.some((role) => (route.roles as readonly string[]).includes(role))) {
        return errorResponse(
          403,
          'Forbidden',
          `${route.method} ${route.path} is for ${route.roles.join(', ')}; your roles: ${verified.roles.join(', ') || 'none'}`,
        );
      }
      caller = verified;
    }
    logger.appendKeys({ routeKey: event.routeKey, callerId: caller.id });
    try {
      const result = await run({
        caller,
        path: (schemas.path ? parsePart(schemas.path, event.pathParameters ?? {}, 'path') : undefined) as z.output<P>,
        query: (schemas.query ? parsePart(schemas.query, event.queryStringParameters ?? {}, 'query') : undefined) as z.output<Q>,
        body: (schemas.body ? parsePart(schemas.body, parseJsonBody(event.body, event.isBase64Encoded), 'body') : undefined) as z.output<B>,
        headers: event.headers ?? {},
      });
      return json(result.status, result.body, result.headers);
    } catch (error) {
      return responseForError(error);
    }
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>(handle).use(
    injectLambdaContext(logger, { resetKeys: true }),
  );
}
