import type { BuildOptions } from 'esbuild';

/** Gives the ESM bundle a `require` for the CommonJS dependencies it inlines. */
const REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * How every function is bundled, as esbuild options: minified ESM for Node.js 22 with linked
 * source maps and nothing external. The CDK functions and the bundle benchmark both read it.
 */
export const LAMBDA_BUNDLING = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: REQUIRE_BANNER },
} as const satisfies BuildOptions;
