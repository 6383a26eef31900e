import type { Bindings } from './bindings';
import type { Role } from './roles';

/** An HTTP method the API serves. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the HTTP API. Both the CDK API construct and the local HTTP server are
 * built from this table, so the two cannot drift.
 */
export interface RouteDefinition {
  /** Stable identifier, PascalCase: the Lambda function's logical id derives from it. */
  id: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/sessions/{sessionId}`. */
  path: string;
  /** The module exporting `handler`, relative to the repository root. */
  handler: string;
  /** Who may call it; `public` routes carry no authorizer. */
  roles: readonly Role[] | 'public';
  bindings: Bindings;
}

/** The route key API Gateway puts in `event.routeKey`: `POST /sessions`. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Every route of the Certiflow HTTP API. */
export const ROUTES: readonly RouteDefinition[] = [
  {
    id: 'Health',
    method: 'GET',
    path: '/health',
    handler: 'functions/api/health.handler.ts',
    roles: 'public',
    bindings: { table: 'probe', deliverablesBucket: 'probe', recordsBucket: 'probe', sessionStateMachine: ['describe'] },
  },
  {
    id: 'CreateSession',
    method: 'POST',
    path: '/sessions',
    handler: 'functions/api/create-session.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', sessionStateMachine: ['start'] },
  },
  {
    id: 'GetSession',
    method: 'GET',
    path: '/sessions/{sessionId}',
    handler: 'functions/api/get-session.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { table: 'read', sessionStateMachine: ['read'] },
  },
];

/** Finds the route API Gateway matched, by its route key. */
export function findRoute(key: string): RouteDefinition | undefined {
  return ROUTES.find((route) => routeKey(route) === key);
}
