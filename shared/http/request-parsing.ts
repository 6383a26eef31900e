import type * as z from 'zod';
import { InvalidInput } from '../domain/errors';

/** Thrown when a request part fails its schema; lists every field at fault. */
export class InvalidRequest extends InvalidInput {
  constructor(readonly issues: Array<{ field: string; message: string }>) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), issues[0]?.field);
  }
}

function fieldOf(part: string, path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : part;
}

/** Validates one part of a request (body, path, query) against its schema. */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequest(
    result.error.issues.map((issue) => ({ field: fieldOf(part, issue.path), message: issue.message })),
  );
}

/** Parses a JSON body; an absent body is `{}`. */
export function parseJsonBody(body: string | undefined, isBase64Encoded: boolean | undefined): unknown {
  if (body === undefined || body === '') return {};
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequest([{ field: 'body', message: 'not valid JSON' }]);
  }
}
