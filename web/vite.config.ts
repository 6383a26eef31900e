import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app's build: static files in `web/dist`, served by the local runtime at `/` and by
 * CloudFront on AWS. Preact's JSX runtime; no source maps shipped. `--mode aws` (the deployed
 * build) leaves the development sign-in out of the bundle.
 */
export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  define: { __LOCAL_SIGN_IN__: JSON.stringify(mode !== 'aws') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
  },
}));
