import * as z from 'zod';
import { InvalidInput } from '../domain/errors';
import type { Language } from '../domain/sentence';
import { frenchOf } from '../schemas/bilingual';

/** One field at fault in a request, with what is allowed. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Thrown when a request part fails its schema; lists every field at fault, in the request's language. */
export class InvalidRequest extends InvalidInput {
  constructor(readonly issues: FieldIssue[]) {
    super({ en: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), fr: issues.map((issue) => `${issue.field} : ${issue.message}`).join(' ; ') }, issues[0]?.field);
  }
}

const FRENCH_ERRORS = z.locales.fr().localeError;

function frenchIssueParam(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { fr?: unknown } }).params;
  return typeof params?.fr === 'string' ? params.fr : undefined;
}

function fieldOf(part: string, path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : part;
}

/** Validates one part of a request (body, path, query) against its schema; issues are said in `language`. */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string, language: Language = 'en'): z.output<S> {
  const result = language === 'fr' ? schema.safeParse(value, { error: FRENCH_ERRORS }) : schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequest(
    result.error.issues.map((issue) => ({
      field: fieldOf(part, issue.path),
      message: language === 'fr' ? (frenchIssueParam(issue) ?? frenchOf(issue.message) ?? issue.message) : issue.message,
    })),
  );
}

/** Parses a JSON body; an absent body is `{}`. */
export function parseJsonBody(body: string | undefined, isBase64Encoded: boolean | undefined, language: Language = 'en'): unknown {
  if (body === undefined || body === '') return {};
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequest([{ field: 'body', message: language === 'fr' ? 'ce n\'est pas du JSON valide' : 'not valid JSON' }]);
  }
}
