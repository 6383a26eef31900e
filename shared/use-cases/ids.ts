import { createHash, randomUUID } from 'node:crypto';

/** A new unique identifier. */
export function newId(): string {
  return randomUUID();
}

/**
 * A UUID (version 8, RFC 9562) derived from `text`: the same text always gives the same id, so
 * a retried operation names what it creates the same way every time.
 */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
