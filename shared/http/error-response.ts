import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type ErrorKind, InvalidInput, type Violation, violationMessage } from '../domain/errors';
import type { Language, Sentence } from '../domain/sentence';
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

/**
 * An error response: a stable code, a sentence a person can act on in the request's language,
 * and the rules broken if any.
 */
export function errorResponse(statusCode: number, code: string, message: Sentence, language: Language, extra: Record<string, unknown> = {}): APIGatewayProxyStructuredResultV2 {
  return json(statusCode, { error: { code, message: message[language], ...extra } });
}

const INTERNAL_ERROR: Sentence = {
  en: 'Certiflow could not complete this request; nothing was changed by the failed step. Try again, and report it if it persists.',
  fr: 'Certiflow n\'a pas pu traiter cette demande ; l\'étape en échec n\'a rien modifié. Réessayez, et signalez-le si cela persiste.',
};

/** A violation as a response carries it: its rule ID and its message in `language`. */
export function presentViolation(v: Violation, language: Language): { ruleId: string; message: string } {
  return { ruleId: v.ruleId, message: violationMessage(v, language) };
}

/**
 * Turns any thrown value into a response in `language`. Domain errors keep their code and
 * sentence; anything else is logged and answered with a generic 500: no stack traces or
 * internals leave the service.
 */
export function responseForError(error: unknown, language: Language = 'en'): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const extra: Record<string, unknown> = {};
    if (error.violations.length > 0) extra.violations = error.violations.map((v) => presentViolation(v, language));
    if (error instanceof InvalidInput && error.field) extra.field = error.field;
    if (error instanceof InvalidRequest) extra.issues = error.issues;
    return errorResponse(STATUS_OF_KIND[error.kind], error.name, error.sentence, language, extra);
  }
  logger.error('unexpected failure', { error: error as Error });
  return errorResponse(500, 'InternalError', INTERNAL_ERROR, language);
}
