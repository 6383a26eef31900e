import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/project-root';
import { API_TYPES_FILE, apiTypesModule } from '../../../scripts/generate-api-types';

describe('the typed client', () => {
  it(`${API_TYPES_FILE} is what openapi-typescript generates from the current OpenAPI document`, async () => {
    const committed = readFileSync(join(PROJECT_ROOT, API_TYPES_FILE), 'utf8');
    const generated = await apiTypesModule();
    if (committed === generated) return;
    const [committedLines, generatedLines] = [committed.split('\n'), generated.split('\n')];
    const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
    const where = line === -1 ? `it has ${committedLines.length - generatedLines.length} extra lines` : `line ${line + 1} differs: expected ${JSON.stringify(generatedLines[line])}, found ${JSON.stringify(committedLines[line])}`;
    expect.fail(`${API_TYPES_FILE} is out of date (${where}): run \`npx tsx scripts/generate-api-types.ts\` and commit the result`);
  }, 30_000);
});
