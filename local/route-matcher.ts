import type { RouteDefinition } from '../shared/wiring/routes';

/** A route table entry compiled to a matcher. */
interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  parameters: string[];
}

/** The outcome of matching a request against the route table. */
export type RouteMatch =
  | { kind: 'matched'; route: RouteDefinition; pathParameters: Record<string, string> }
  | { kind: 'none' };

function compile(route: RouteDefinition): CompiledRoute {
  const parameters: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      parameters.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), parameters };
}

/**
 * Matches requests to routes as HTTP API does: by method and path template, the most
 * specific template (fewest parameters) first.
 */
export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    this.compiled = routes.map(compile).sort((a, b) => a.parameters.length - b.parameters.length);
  }

  match(method: string, path: string): RouteMatch {
    for (const candidate of this.compiled) {
      if (candidate.route.method !== method) continue;
      const found = candidate.pattern.exec(path);
      if (!found) continue;
      const pathParameters: Record<string, string> = {};
      candidate.parameters.forEach((name, index) => {
        pathParameters[name] = decodeURIComponent(found[index + 1]!);
      });
      return { kind: 'matched', route: candidate.route, pathParameters };
    }
    return { kind: 'none' };
  }
}
