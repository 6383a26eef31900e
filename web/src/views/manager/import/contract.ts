import type { ApiResponse, CertiflowClient, RequestBody } from '../../../../../client/certiflow-client';
import type { ImportReport, ImportRow } from '../../../../../shared/use-cases/imports/import-rows';

export type { ImportReport, ImportRow };

/** What is imported: candidates registered, or registry jurors assigned. */
export type ImportKind = 'candidates' | 'jurors';

/** The body of both imports: the file's text, preview or commit, the lines left out. */
export type ImportBody = RequestBody<'/sessions/{sessionId}/candidates/import', 'post'>;

/**
 * Sends a CSV for preview (`commit: false`, no key) or to write it (`commit: true`, one key per
 * attempt). The typed client has no method for these routes yet, hence `request`.
 */
export function sendImport(client: CertiflowClient, sessionId: string, kind: ImportKind, body: ImportBody, idempotencyKey?: string): Promise<ApiResponse<ImportReport>> {
  return client.request<ImportReport>('POST', `/sessions/${encodeURIComponent(sessionId)}/${kind}/import`, body, idempotencyKey ? { idempotencyKey } : {});
}

/** A cell's value as the preview shows it: lists joined, yes/no in words, dates as read. */
export function cellText(value: unknown, yes: string, no: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}
