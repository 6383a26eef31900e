/** A source of the current time. */
export interface Clock {
  now(): Date;
}

/** The wall clock: what production always uses. */
export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

/**
 * The one clock that handlers and use cases read the time from. Domain code never
 * calls this: it receives `now` as an argument.
 */
export function now(): Date {
  return current.now();
}

/**
 * Replaces the clock. Only the local runtime and tests call this (to fast-forward a
 * session's weeks); deployed code never does.
 */
export function useClock(clock: Clock): void {
  current = clock;
}
