import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type ErrorKind, InvalidInput } from '../domain/errors';
import { logger } from '../observability/logger';
import { InvalidRequest } from './request-parsing';

/** The one mapping from a domain error's kind to an HTTP status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

/** A JSON response. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** An error response: a code, a sentence a person can act on, and the rules broken if any. */
export function errorResponse(statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  return json(statusCode, { error: { code, message, ...extra } });
}

/**
 * Turns any thrown value into a response. Domain errors keep their message; anything else
 * is logged and answered with a generic 500: no stack traces or internals leave the service.
 */
export function responseForError(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const extra: Record<string, unknown> = {};
    if (error.violations.length > 0) extra.violations = error.violations;
    if (error instanceof InvalidInput && error.field) extra.field = error.field;
    if (error instanceof InvalidRequest) extra.issues = error.issues;
    return errorResponse(STATUS_OF_KIND[error.kind], error.name, error.message, extra);
  }
  logger.error('unexpected failure', { error: error as Error });
  return errorResponse(500, 'InternalError', 'Certiflow could not complete this request; nothing was changed by the failed step. Try again, and report it if it persists.');
}
