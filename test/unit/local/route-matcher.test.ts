import { describe, expect, it } from 'vitest';
import { flattenClaims } from '../../../local/api-gateway-event';
import { RouteMatcher } from '../../../local/route-matcher';
import { ROUTES, routeKey } from '../../../shared/wiring/routes';

describe('the local HTTP API matches requests as API Gateway does', () => {
  const matcher = new RouteMatcher(ROUTES);

  it('every route of the route table is reachable by its own path', () => {
    for (const route of ROUTES) {
      const path = route.path.replace(/\{(\w+)\}/g, 'value-$1');
      const match = matcher.match(route.method, path);
      expect(match.kind === 'matched' && routeKey(match.route)).toBe(routeKey(route));
    }
  });

  it('extracts and decodes path parameters; unknown paths and methods match nothing', () => {
    const match = matcher.match('GET', '/sessions/a%20b');
    expect(match).toMatchObject({ kind: 'matched', pathParameters: { sessionId: 'a b' } });
    expect(matcher.match('DELETE', '/sessions/x').kind).toBe('none');
    expect(matcher.match('GET', '/sessions/x/y/z').kind).toBe('none');
  });

  it('flattens claims like the JWT authorizer: arrays as "[a b]", numbers as strings', () => {
    expect(flattenClaims({ sub: 'u', 'cognito:groups': ['managers', 'jurors'], exp: 5 })).toEqual({ sub: 'u', 'cognito:groups': '[managers jurors]', exp: '5' });
  });
});
