import { randomUUID } from 'node:crypto';

/** A new unique identifier. */
export function newId(): string {
  return randomUUID();
}
