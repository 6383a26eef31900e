import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../shared/http/openapi';
import { ROUTES } from '../../../shared/wiring/routes';

/** Lints a document with Redocly's `recommended` ruleset, in process, and lists each problem on one line. */
async function lint(document: Record<string, unknown>): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems: NormalizedProblem[] = await lintFromString({ source: JSON.stringify(document, null, 2), absoluteRef: 'openapi.json', config });
  return problems.map((problem) => `${problem.severity} ${problem.ruleId} at ${problem.location.map((location) => location.pointer).join(', ')}: ${problem.message}`);
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended lint with no error and no warning", async () => {
    expect(await lint(openApiDocument())).toEqual([]);
  });

  it('the lint does run the recommended rules: a document without servers or licence is refused', async () => {
    const { servers: _servers, info, ...rest } = openApiDocument() as { servers: unknown; info: Record<string, unknown> };
    const { license: _license, ...infoWithoutLicense } = info;
    const problems = await lint({ ...rest, info: infoWithoutLicense });
    expect(problems).toContainEqual(expect.stringMatching(/^error no-empty-servers /));
    expect(problems).toContainEqual(expect.stringMatching(/^warn info-license /));
  });

  it('documents a 4xx for every operation, public ones included: 429 from the throttle, and 400/404 where the route validates a path', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    for (const route of ROUTES) {
      const statuses = Object.keys(paths[route.path]![route.method.toLowerCase()]!.responses);
      expect(statuses, `${route.method} ${route.path}`).toContain('429');
      if (route.roles === 'public' && !route.request.path) expect(statuses, `${route.method} ${route.path}`).toEqual([String(route.status), '429']);
    }
    expect(Object.keys(paths['/verify/{code}']!.get!.responses)).toEqual(['200', '400', '404', '429']);
  });
});
