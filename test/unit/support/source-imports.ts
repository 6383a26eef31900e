import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `.ts`/`.tsx` source file under a folder of the repository, recursively. */
export function sourceFiles(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(path) ? [path] : [];
    });
  return walk(join(repositoryRoot, folder));
}

/** One import of a source: its module specifier, and whether it brings types only (erased at build, so it runs nothing). */
export interface SourceImport {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every module a source imports, re-exports, requires or imports dynamically. */
export function importsOf(source: string): SourceImport[] {
  const statements = [...source.matchAll(/\b(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g)].map((m) => ({ specifier: m[3]!, typeOnly: m[2] !== undefined }));
  const calls = [...source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ specifier: m[1]!, typeOnly: false }));
  return [...statements, ...calls];
}

/** Every module specifier a source imports, whatever it brings. */
export function importedModules(source: string): string[] {
  return importsOf(source).map((i) => i.specifier);
}

/** A source file's imports, read from disk. */
export function importsOfFile(path: string): SourceImport[] {
  return importsOf(readFileSync(path, 'utf8'));
}
