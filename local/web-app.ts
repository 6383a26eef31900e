import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { extname, join, normalize, sep } from 'node:path';
import { REPOSITORY_ROOT } from './paths';

/** Where `vite build` writes the web app. */
export const WEB_DIST = join(REPOSITORY_ROOT, 'web', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A static file of the web app, ready to write. */
export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** What the local web app answers: its files and its run-time configuration. */
export interface LocalWebApp {
  /** The file for `pathname`, or undefined when the path is not the app's (an API path). */
  serve(pathname: string): StaticFile | undefined;
}

/**
 * The Content-Security-Policy the app is served with locally, as CloudFront serves it on AWS:
 * scripts and styles only from the app's origin, requests only to the API and to S3 (uploads).
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Serves the built web app (`web/dist`) at `/`, `/assets/…` and `/config.json` (the local
 * configuration: the API on the same origin, the development sign-in). Hash routes keep the
 * app's own URLs clear of the API's paths.
 */
export function localWebApp(options: { dist?: string; connect: readonly string[] }): LocalWebApp {
  const dist = options.dist ?? WEB_DIST;
  const security = { 'content-security-policy': contentSecurityPolicy(options.connect), 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };
  const config = JSON.stringify({ apiUrl: '', auth: { kind: 'local' } });
  return {
    serve(pathname): StaticFile | undefined {
      if (pathname === '/config.json') return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: config };
      if (pathname !== '/' && pathname !== '/index.html' && !pathname.startsWith('/assets/')) return undefined;
      const file = normalize(join(dist, pathname === '/' ? 'index.html' : pathname));
      if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
        if (pathname === '/' || pathname === '/index.html') {
          return { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'The web app is not built: run `npm start`, which builds it (or `npx vite build --config web/vite.config.ts`).' };
        }
        return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found' };
      }
      const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return { status: 200, headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, ...security }, body: readFileSync(file) };
    },
  };
}

/**
 * Builds the web app into `web/dist` with Vite (a few seconds), in a child process: Vite's
 * own signal handling then never races the runtime's Ctrl-C shutdown.
 */
export async function buildWebApp(): Promise<void> {
  const vite = join(REPOSITORY_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', join(REPOSITORY_ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: REPOSITORY_ROOT });
}
