import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app's build: static files in `web/dist`, served by the local runtime at `/` and by
 * CloudFront on AWS. Preact's JSX runtime; no source maps shipped.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
  },
});
