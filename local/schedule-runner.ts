import type { ScheduleDefinition } from '../shared/wiring/schedules';
import { ratePeriodMs } from '../shared/wiring/schedules';
import type { ShiftableClock } from './stepfunctions/virtual-clock';

/** A scheduled function as the local runtime runs it. */
export interface LocalSchedule {
  definition: ScheduleDefinition;
  functionName: string;
}

/** The event EventBridge sends a function on a schedule. */
function scheduledEvent(definition: ScheduleDefinition, time: Date) {
  return { version: '0', id: `${definition.id}-${time.getTime()}`, 'detail-type': 'Scheduled Event', source: 'aws.events', time: time.toISOString(), resources: [], detail: {} };
}

/**
 * Runs the scheduled functions on the local (shiftable) clock: each one once at start, then once
 * whenever its `rate(…)` has elapsed, checked every `checkEveryMs` of real time and whenever the
 * clock is moved forward. Moving the clock ten days runs a function once, not 240 times, as a
 * missed EventBridge schedule would. Cron expressions are not run locally (none is used).
 */
export class LocalScheduleRunner {
  private readonly due = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly schedules: readonly LocalSchedule[],
    private readonly invoke: (functionName: string, event: unknown) => Promise<unknown>,
    private readonly log: (message: string, extra?: Record<string, unknown>) => void,
    private readonly clock: ShiftableClock,
    private readonly checkEveryMs = 60_000,
  ) {}

  /** Runs every schedule once now, then keeps them on time. */
  start(): void {
    for (const { definition } of this.schedules) {
      if (ratePeriodMs(definition.schedule) === undefined) this.log('schedule not run locally: only rate(…) expressions are', { id: definition.id, schedule: definition.schedule });
      this.due.set(definition.id, this.clock.now().getTime());
    }
    this.unsubscribe = this.clock.onAdvance(() => this.runDue());
    this.timer = setInterval(() => this.runDue(), this.checkEveryMs);
    this.timer.unref();
    this.runDue();
  }

  /** Resolves once the runs started so far have ended. */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  /** Stops scheduling; runs under way finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.idle();
  }

  private runDue(): void {
    const now = this.clock.now();
    for (const { definition, functionName } of this.schedules) {
      const period = ratePeriodMs(definition.schedule);
      const due = this.due.get(definition.id);
      if (period === undefined || due === undefined || due > now.getTime() || this.running.has(definition.id)) continue;
      this.due.set(definition.id, now.getTime() + period);
      const run = this.invoke(functionName, scheduledEvent(definition, now))
        .then(
          (result) => this.log('scheduled function ran', { id: definition.id, result }),
          (error: unknown) => this.log('scheduled function failed', { id: definition.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
        )
        .finally(() => this.running.delete(definition.id));
      this.running.set(definition.id, run);
    }
  }
}
