import { useEffect, useRef } from 'preact/hooks';
import { pollWhileVisible } from './poll-while-visible';

/**
 * Calls `tick` every `everyMs` while mounted, `active` and seen: the exam day's state is read again
 * as it moves, and no more once there is nothing left to follow.
 */
export function useEvery(everyMs: number, tick: () => void, active = true): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => (active ? pollWhileVisible(document, everyMs, () => latest.current()) : undefined), [everyMs, active]);
}
