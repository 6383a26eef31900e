import { useEffect } from 'preact/hooks';

/** Calls `tick` every `everyMs` while mounted: the exam day's state is read again as it moves. */
export function useEvery(everyMs: number, tick: () => void): void {
  useEffect(() => {
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}
