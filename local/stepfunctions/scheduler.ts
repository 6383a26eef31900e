import type { VirtualClock } from './types';

/** Longest delay Node's setTimeout honours; anything larger fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

interface Entry {
  dueMs: number;
  fire: () => void;
}

/**
 * Runs callbacks when the virtual clock reaches a given instant: checked after every clock advance
 * and by a real timer armed for the earliest remaining delay (capped to a safe setTimeout value).
 */
export class ClockScheduler {
  private entries: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly clock: VirtualClock) {
    this.unsubscribe = clock.onAdvance(() => this.check());
  }

  /** Calls `fire` once the clock reaches `dueMs` (epoch ms); returns a function that cancels it. */
  at(dueMs: number, fire: () => void): () => void {
    const entry: Entry = { dueMs, fire };
    this.entries.push(entry);
    queueMicrotask(() => this.check());
    return () => {
      this.entries = this.entries.filter((candidate) => candidate !== entry);
      this.arm();
    };
  }

  /** Cancels everything and stops listening to the clock. */
  close(): void {
    this.entries = [];
    this.unsubscribe();
    clearTimeout(this.timer);
  }

  private check(): void {
    const now = this.clock.now().getTime();
    const due = this.entries.filter((entry) => entry.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs);
    this.entries = this.entries.filter((entry) => entry.dueMs > now);
    for (const entry of due) entry.fire();
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.entries.length === 0) return;
    const earliest = Math.min(...this.entries.map((entry) => entry.dueMs));
    const delay = Math.min(Math.max(earliest - this.clock.now().getTime(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.check(), delay);
    this.timer.unref();
  }
}
