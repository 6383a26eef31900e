import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES_CATALOGUE } from '../../../shared/domain';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rulesPath = resolve(repoRoot, '../shared/RULES.md');
const testDir = fileURLToPath(new URL('.', import.meta.url));

/** Rule IDs RULES.md defines: each `- ID ` item, and ranges written `DIST-1..DIST-7`. */
export function parseRuleIds(markdown: string): string[] {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(/^- ([A-Z]+-\d+) /gm)) ids.add(m[1]!);
  for (const m of markdown.matchAll(/\b([A-Z]+)-(\d+)\.\.\1-(\d+)\b/g)) {
    for (let n = Number(m[2]); n <= Number(m[3]); n++) ids.add(`${m[1]}-${n}`);
  }
  return [...ids];
}

/** Rule IDs that open a test name: `it('ID: …'`, `test("ID: …"`, or `it.each(…)('ID: …'`. */
export function testedRuleIds(source: string): string[] {
  return [...source.matchAll(/(?:\b(?:it|test)|\))\(\s*['"`]([A-Z]+-\d+):/g)].map((m) => m[1]!);
}

const catalogueIds = RULES_CATALOGUE.map((r) => r.id);

describe('the rules catalogue', () => {
  it('lists each rule once, with a summary', () => {
    expect(new Set(catalogueIds).size).toBe(catalogueIds.length);
    for (const r of RULES_CATALOGUE) {
      expect(r.id).toMatch(/^[A-Z]+-\d+$/);
      expect(r.summary.length).toBeGreaterThan(10);
    }
  });

  it('equals the rule IDs of ../shared/RULES.md when it is beside the checkout', () => {
    if (existsSync(rulesPath)) {
      const fromRules = parseRuleIds(readFileSync(rulesPath, 'utf8'));
      expect([...catalogueIds].sort()).toEqual([...fromRules].sort());
    } else {
      expect(catalogueIds).toHaveLength(50);
    }
  });

  it('parses items and ranges out of RULES.md text', () => {
    expect(parseRuleIds('- JURY-1 At least 2.\n- DIST-1..DIST-3 are rows.\nsee JURY-9 in text')).toEqual(['JURY-1', 'DIST-1', 'DIST-2', 'DIST-3']);
  });

  it('finds rule IDs in test names', () => {
    expect(testedRuleIds(`it('JURY-3: x', f); test("PV-1: y"); it.each([[1]])('DIST-2: %s', f); it('no rule')`)).toEqual(['JURY-3', 'PV-1', 'DIST-2']);
  });

  it('every catalogued rule has a test whose name starts with its ID', () => {
    const sources = readdirSync(testDir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(testDir, f), 'utf8'));
    const tested = new Set(sources.flatMap(testedRuleIds));
    expect(catalogueIds.filter((id) => !tested.has(id))).toEqual([]);
  });
});
