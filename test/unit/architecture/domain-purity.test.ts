import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedModules, repositoryRoot, sourceFiles } from '../support/source-imports';

const domainDir = join(repositoryRoot, 'shared/domain/');

const FORBIDDEN_PACKAGES = [/^@aws-sdk\//, /^aws-cdk-lib(\/|$)/, /^@aws-lambda-powertools\//, /^aws-lambda$/, /^aws-sdk(\/|$)/, /^@types\/aws-lambda$/];
const BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '')));

/** Why a module may not be imported by domain code, or undefined when it may. */
function forbiddenReason(specifier: string): string | undefined {
  if (FORBIDDEN_PACKAGES.some((p) => p.test(specifier))) return `${specifier} is an AWS package`;
  const bare = specifier.replace(/^node:/, '').split('/')[0]!;
  if (specifier.startsWith('node:') || BUILTINS.has(bare)) return `${specifier} is a Node I/O or runtime module`;
  return undefined;
}

describe('domain purity', () => {
  it('flags AWS packages and Node modules, and lets relative imports and zod through', () => {
    const src = `import { S3Client } from '@aws-sdk/client-s3';\nimport fs from 'node:fs';\nimport * as z from 'zod';\nexport * from './dates';\nconst net = require('net');\nimport { App } from 'aws-cdk-lib';`;
    expect(importedModules(src).map((m) => [m, forbiddenReason(m) !== undefined])).toEqual([
      ['@aws-sdk/client-s3', true],
      ['node:fs', true],
      ['zod', false],
      ['./dates', false],
      ['aws-cdk-lib', true],
      ['net', true],
    ]);
  });

  it('nothing under shared/domain imports an AWS package or a Node I/O module', () => {
    const files = sourceFiles('shared/domain');
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .map((m) => forbiddenReason(m))
        .filter((reason): reason is string => reason !== undefined)
        .map((reason) => `${relative(domainDir, file)}: ${reason}`),
    );
    expect(offences).toEqual([]);
  });

  it('shared/domain depends on nothing but itself, zod, and the Temporal polyfill for zoned calendar arithmetic', () => {
    const allowed = new Set(['zod', 'temporal-polyfill']);
    const external = sourceFiles('shared/domain').flatMap((file) => importedModules(readFileSync(file, 'utf8')).filter((m) => !m.startsWith('.') && !allowed.has(m)));
    expect(external).toEqual([]);
  });
});
