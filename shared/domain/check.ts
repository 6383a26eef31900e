import type { Violation } from './errors';

/** The answer of every domain check: whether it passed and, if not, every rule it broke. */
export interface Check {
  ok: boolean;
  violations: Violation[];
}

/** Builds a {@link Check} from a list of violations: ok exactly when the list is empty. */
export function checkOf(violations: readonly Violation[]): Check {
  return { ok: violations.length === 0, violations: [...violations] };
}

/** Merges several checks into one, keeping every violation in order. */
export function mergeChecks(...checks: readonly Check[]): Check {
  return checkOf(checks.flatMap((c) => c.violations));
}
