import type { RouteDefinition } from '../wiring/routes';
import { routeHandler, type ApiRequest, type ApiResult } from './api-handler';
import { runOnce } from './idempotency';

/**
 * `apiHandler` for an idempotent route: a retry carrying the same `Idempotency-Key` gets the
 * first result without writing again (Powertools Idempotency on the table, 24 hours).
 */
export function idempotentApiHandler<const R extends RouteDefinition & { idempotent: true }>(route: R, run: (request: ApiRequest<R>) => Promise<ApiResult>) {
  return routeHandler(route, run, runOnce);
}
