import type { HttpMethod } from './routes';

/** What a browser on another origin may do with the HTTP API. Header names are lower case. */
export interface CorsDefinition {
  /** Methods allowed cross-origin. */
  readonly allowMethods: readonly HttpMethod[];
  /** Request headers a browser app may send. */
  readonly allowHeaders: readonly string[];
  /** Response headers, beyond the CORS-safelisted ones, a browser app may read. */
  readonly exposeHeaders: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. */
  readonly maxAgeSeconds: number;
}

/**
 * The HTTP API's CORS rules. The CDK API construct (`corsPreflight`) and the local server
 * (preflight and response headers) are both built from it, so the two cannot drift. Allowed
 * origins are not part of it: a deployment names them (`certiflow:allowedOrigins` context),
 * the local server allows any.
 */
export const CORS: CorsDefinition = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'accept-language'],
  exposeHeaders: ['etag', 'location', 'retry-after', 'content-disposition', 'x-content-sha256'],
  maxAgeSeconds: 3600,
};
