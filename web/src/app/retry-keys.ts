import { useRef } from 'preact/hooks';
import { newKey } from './api';

/** Idempotency keys by attempt, for one view. */
export interface RetryKeys {
  /** The key of an attempt (an action on given data): the same until it succeeds. */
  keyFor(attempt: string): string;
  /** Forgets a succeeded attempt's key: doing it again is a new attempt, with a new key. */
  succeeded(attempt: string): void;
}

/**
 * Idempotency keys by attempt: the same action on the same data gets the same key until it
 * succeeds (so a retry after a lost answer does not act twice; the API refuses one key for two
 * bodies, so other data gets its own key); after success, a new one.
 */
export function useRetryKeys(): RetryKeys {
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
