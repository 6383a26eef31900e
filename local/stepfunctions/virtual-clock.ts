import type { VirtualClock } from './types';

/** Wall-clock time shifted by an offset that only grows with {@link ShiftableClock.advance}. */
export class ShiftableClock implements VirtualClock {
  private offset: number;
  private readonly listeners = new Set<() => void>();

  constructor(offsetMs = 0) {
    this.offset = offsetMs;
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** Moves the clock forward by `ms` milliseconds, then notifies the listeners. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.offset += ms;
    for (const listener of [...this.listeners]) listener();
  }

  /** How far ahead of the wall clock this clock is, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
