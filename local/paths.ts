import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where handler modules and state machine files are. */
export const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The local data folder: `CERTIFLOW_DATA_DIR`, or `.certiflow/` in the repository. */
export function localDataDir(): string {
  return resolve(process.env.CERTIFLOW_DATA_DIR ?? resolve(REPOSITORY_ROOT, '.certiflow'));
}
