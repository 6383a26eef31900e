import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keys } from '../../../shared/adapters/dynamodb-keys';
import { ROUTES, routeKey } from '../../../shared/wiring/routes';
import { TABLE_SCHEMA } from '../../../shared/wiring/table';
import { idempotencyPartition } from '../../../shared/http/idempotency';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/data-model.md'), 'utf8');

function source(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The parameter names of a key builder, read from its source: `(sessionId, jurorId) => …`. */
function parameterNames(builder: (...args: string[]) => Record<string, string>): string[] {
  const match = /^\s*(?:function\s*\w*\s*)?\(([^)]*)\)/.exec(builder.toString());
  if (!match) throw new Error(`cannot read the parameters of ${builder.toString().slice(0, 80)}`);
  return match[1]!
    .split(',')
    .map((parameter) => parameter.trim().split(/[\s:=]/)[0]!)
    .filter(Boolean);
}

/** Every key builder called with `<parameterName>` placeholders: the patterns the doc must show. */
const KEY_PATTERNS = Object.entries(keys as unknown as Record<string, (...args: string[]) => Record<string, string>>).map(([name, builder]) => {
  const parameters = parameterNames(builder);
  expect(parameters, `keys.${name} parameters`).toHaveLength(builder.length);
  return { name, attributes: builder(...parameters.map((parameter) => `<${parameter}>`)) };
});

/** The lines of the "Requests per endpoint" table. */
function endpointTable(): string[] {
  const start = DOC.indexOf('### Requests per endpoint');
  expect(start, 'the doc has a "Requests per endpoint" section').toBeGreaterThan(-1);
  const rest = DOC.slice(start);
  const end = rest.indexOf('\n## ', 1);
  return (end === -1 ? rest : rest.slice(0, end)).split('\n').filter((line) => line.startsWith('|'));
}

describe('docs/data-model.md matches the code', () => {
  it('names every key builder of `keys`', () => {
    for (const { name } of KEY_PATTERNS) expect(DOC, `keys.${name}`).toContain(`keys.${name}`);
  });

  it("shows every key pattern a builder produces (PK, SK, GSI1PK/SK, GSI2PK/SK) on the builder's own line", () => {
    const lines = DOC.split('\n');
    const missing = KEY_PATTERNS.flatMap(({ name, attributes }) => {
      const expected = Object.entries(attributes).map(([attribute, value]) => `${attribute} = ${value}`);
      const documented = lines.filter((line) => line.includes(`\`keys.${name}\``));
      return documented.some((line) => expected.every((pattern) => line.includes(pattern))) ? [] : [`keys.${name}: ${expected.join(', ')}`];
    });
    expect(missing).toEqual([]);
  });

  it('shows the key prefixes of the builders, each before its first placeholder', () => {
    const prefixes = new Set(KEY_PATTERNS.flatMap(({ attributes }) => Object.values(attributes).map((value) => value.split('<')[0]!).filter(Boolean)));
    for (const prefix of prefixes) expect(DOC, prefix).toContain(prefix);
  });

  it('names the table keys, both indexes with their key attributes, and the TTL attribute', () => {
    expect(DOC).toContain(`\`${TABLE_SCHEMA.partitionKey}\``);
    expect(DOC).toContain(`\`${TABLE_SCHEMA.sortKey}\``);
    for (const index of TABLE_SCHEMA.globalIndexes) {
      expect(DOC, index.name).toContain(`\`${index.name}\``);
      expect(DOC, index.partitionKey).toContain(index.partitionKey);
      expect(DOC, index.sortKey).toContain(index.sortKey);
    }
    expect(DOC).toContain(`TTL attribute is \`${TABLE_SCHEMA.timeToLiveAttribute}\``);
  });

  it('lists every route of ROUTES in the requests-per-endpoint table, and no route that does not exist', () => {
    const table = endpointTable().join('\n');
    const missing = ROUTES.map(routeKey).filter((key) => !table.includes(`| \`${key}\` |`));
    expect(missing).toEqual([]);
    const documented = [...table.matchAll(/^\| `((?:GET|POST|PUT|PATCH|DELETE) [^`]+)` \|/gm)].map((match) => match[1]!);
    const known = new Set(ROUTES.map(routeKey));
    expect(documented.filter((key) => !known.has(key))).toEqual([]);
  });

  it('names every `entity` the adapters write', () => {
    const entities = new Set(
      filesUnder('shared/adapters').flatMap((path) => [...source(path).matchAll(/\bentity: '(\w+)'/g)].map((match) => match[1]!)),
    );
    expect(entities.size).toBeGreaterThan(5);
    for (const entity of entities) expect(DOC, entity).toContain(`\`${entity}\``);
  });

  it('documents the keys formed outside `keys`: the juror e-mail guard and the idempotency records', () => {
    const guard = /PK: `(\w+)#\$\{/.exec(source('shared/adapters/dynamodb-juror-registry.ts'));
    expect(guard?.[1]).toBeDefined();
    expect(DOC).toContain(`${guard![1]}#<email>`);
    expect(DOC).toContain(`PK = ${idempotencyPartition('<callerId>')}`);
    const window = /IDEMPOTENCY_WINDOW_SECONDS = (\d+) \* 3600/.exec(source('shared/http/idempotency.ts'));
    expect(window?.[1]).toBeDefined();
    expect(DOC).toContain(`${window![1]} hours`);
  });

  it('is right that no request path scans the table', () => {
    const scanning = [...filesUnder('shared'), ...filesUnder('functions')].filter((path) => /\bScan(Command)?\b/.test(source(path)));
    expect(scanning.map((path) => relative(ROOT, join(ROOT, path)))).toEqual([]);
    expect(DOC).toContain('No request path uses a Scan');
  });
});
