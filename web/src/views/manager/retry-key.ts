import { useRef } from 'preact/hooks';
import { newKey } from '../../app/api';

/**
 * Idempotency keys by attempt: the same action on the same data gets the same key until it
 * succeeds (so a retry after a lost answer does not act twice); after success, a new one.
 */
export function useRetryKeys(): { keyFor(attempt: string): string; succeeded(attempt: string): void } {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(attempt) {
      if (!keys.current.has(attempt)) keys.current.set(attempt, newKey());
      return keys.current.get(attempt)!;
    },
    succeeded(attempt) {
      keys.current.delete(attempt);
    },
  };
}
