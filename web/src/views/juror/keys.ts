import { useRef } from 'preact/hooks';
import { newKey } from '../../app/api';

/**
 * Idempotency keys per request payload: a retry of the same action (same payload) reuses its
 * key, a success spends it, and another payload gets its own (the API refuses one key for two bodies).
 */
export function useKeys(): { keyFor(payload: string): string; spend(payload: string): void } {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(payload) {
      const known = keys.current.get(payload);
      if (known) return known;
      const key = newKey();
      keys.current.set(payload, key);
      return key;
    },
    spend(payload) {
      keys.current.delete(payload);
    },
  };
}
