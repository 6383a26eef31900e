import { fileURLToPath } from 'node:url';

/** The repository root: handler modules, definition files and the lock file are resolved from it. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
