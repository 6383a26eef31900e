import type { z } from 'zod';
import type { Violation } from '../shared/domain/errors';
import type { createSessionBody } from '../shared/schemas/session-schemas';
import type { HealthReport } from '../shared/use-cases/health/check-health';
import type { SessionView } from '../shared/use-cases/sessions/get-session';
import type { PublicSession } from '../shared/use-cases/sessions/session-record';

/** The body of every error response. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  issues?: Array<{ field: string; message: string }>;
  violations?: Violation[];
}

/** A response: its status, and either its data or its error. */
export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  error?: ApiErrorBody;
}

/** Options of a write. */
export interface WriteOptions {
  /** Makes a retried POST return the first result instead of acting twice. */
  idempotencyKey?: string;
}

/**
 * A small typed client of the Certiflow HTTP API. It never throws on an HTTP status: callers
 * read `status`, `data` and `error`.
 */
export class CertiflowClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  /** The same client acting with another token (or none). */
  as(token: string | undefined): CertiflowClient {
    return new CertiflowClient(this.baseUrl, token);
  }

  /** `GET /health`. */
  health(): Promise<ApiResponse<HealthReport>> {
    return this.request('GET', '/health');
  }

  /** `POST /sessions`. */
  createSession(body: z.input<typeof createSessionBody>, options: WriteOptions = {}): Promise<ApiResponse<{ session: PublicSession }>> {
    return this.request('POST', '/sessions', body, options);
  }

  /** `GET /sessions/{sessionId}`. */
  getSession(sessionId: string): Promise<ApiResponse<{ session: SessionView }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}`);
  }

  /** Any request; for routes without a typed method, and for malformed requests in tests. */
  async request<T>(method: string, path: string, body?: unknown, options: WriteOptions & { rawBody?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (response.ok) return { status: response.status, headers: response.headers, data: parsed as T };
    const error = (parsed.error as ApiErrorBody | undefined) ?? { code: String(response.status), message: String(parsed.message ?? response.statusText) };
    return { status: response.status, headers: response.headers, error };
  }
}
