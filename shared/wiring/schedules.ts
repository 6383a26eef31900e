import type { Bindings, FunctionSizing } from './bindings';

/** A function run on a schedule: an EventBridge rule on AWS, the local clock in the local runtime. */
export interface ScheduleDefinition {
  id: string;
  /** An EventBridge schedule expression; `rate(N minute|minutes|hour|hours|day|days)`, which the local runtime also runs. */
  schedule: string;
  handler: string;
  bindings: Bindings;
  sizing?: FunctionSizing;
}

/** Every scheduled function. */
export const SCHEDULES: readonly ScheduleDefinition[] = [
  {
    id: 'WatchSessions',
    schedule: 'rate(1 hour)',
    handler: 'functions/schedules/watch-sessions.handler.ts',
    bindings: { table: 'read', sessionStateMachine: ['list'] },
    sizing: { timeoutSeconds: 120 },
  },
];

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** The period of a `rate(…)` expression in milliseconds; undefined for a cron expression or anything else. */
export function ratePeriodMs(schedule: string): number | undefined {
  const match = RATE.exec(schedule);
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = match[2]!.replace(/s$/, '') as keyof typeof UNIT_MS;
  return count > 0 ? count * UNIT_MS[unit] : undefined;
}
