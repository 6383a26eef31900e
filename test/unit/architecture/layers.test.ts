import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, importsOfFile, repositoryRoot, sourceFiles, type SourceImport } from '../support/source-imports';

const AWS_PACKAGE = /^(@aws-sdk\/|aws-cdk-lib(\/|$)|aws-sdk(\/|$))/;

/** A layer rule: which imports of the files under a folder break it, each named by file and module. */
function offences(folder: string, forbidden: (i: SourceImport, target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOfFile(file)
      .filter((i) => forbidden(i, i.specifier.startsWith('.') ? relative(repositoryRoot, join(dirname(file), i.specifier)) : i.specifier))
      .map((i) => `${relative(repositoryRoot, file)} imports ${i.specifier}`),
  );
}

describe('the layers keep to their direction', () => {
  it('tells a type-only import from one that runs code', () => {
    const source = "import type { Caller } from '../use-cases/caller';\nimport { MAX } from '../use-cases/limits';\nexport type { X } from './x';\nexport * from './y';\nconst lazy = import('./z');";
    expect(importsOf(source)).toEqual([
      { specifier: '../use-cases/caller', typeOnly: true },
      { specifier: '../use-cases/limits', typeOnly: false },
      { specifier: './x', typeOnly: true },
      { specifier: './y', typeOnly: false },
      { specifier: './z', typeOnly: false },
    ]);
  });

  it('the request schemas run nothing but zod, the domain and the limits: a use case imported there starts its logger before the runtime has set its level', () => {
    const allowed = (s: string) => s === 'zod' || s.startsWith('./') || s.startsWith('../domain/') || s === '../use-cases/limits';
    expect(sourceFiles('shared/schemas').length).toBeGreaterThan(5);
    expect(offences('shared/schemas', (i) => !i.typeOnly && !allowed(i.specifier))).toEqual([]);
  });

  it('the use cases run no AWS package, adapter, HTTP or wiring code: they reach the world through their ports', () => {
    expect(offences('shared/use-cases', (i, target) => AWS_PACKAGE.test(i.specifier) || (!i.typeOnly && /^shared\/(adapters|http|wiring)\//.test(target)))).toEqual([]);
  });

  it('the adapters are the only application code that imports an AWS SDK', () => {
    for (const folder of ['shared/domain', 'shared/use-cases', 'shared/schemas', 'shared/http', 'functions', 'web/src']) {
      expect(offences(folder, (i) => AWS_PACKAGE.test(i.specifier)), folder).toEqual([]);
    }
  });

  it("the web app takes only types from the server's code, so no server module reaches the browser bundle", () => {
    const web = sourceFiles('web/src');
    expect(web.length).toBeGreaterThan(50);
    expect(offences('web/src', (i, target) => !i.typeOnly && /^(shared|functions|local|infra)\//.test(target))).toEqual([]);
  });
});
