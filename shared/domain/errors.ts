/**
 * A broken rule, stated for a person: the rule ID from RULES.md and a sentence that
 * says what to fix, e.g. `JURY-3: Alex Martin trained this cohort and cannot sit on its jury`.
 */
export interface Violation {
  ruleId: string;
  message: string;
}

/** Builds a violation whose message starts with its rule ID. */
export function violation(ruleId: string, sentence: string): Violation {
  return { ruleId, message: `${ruleId}: ${sentence}` };
}

/**
 * What kind of refusal a domain error is. One mapping (in `shared/http`) turns each kind
 * into an HTTP status; state machine Catch clauses match the error's `name`.
 * - invalid: the request itself is malformed (400)
 * - forbidden: the caller may not do this (403)
 * - not-found: the thing does not exist (404)
 * - conflict: the state changed under the caller, or the thing already exists (409)
 * - rule: well-formed but a certification rule refuses it (422)
 */
export type ErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'rule';

/** Base class of every named error the domain and use cases throw. */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  /** Every broken rule behind this error; empty for errors that are not about a rule. */
  readonly violations: readonly Violation[];

  constructor(message: string, violations: readonly Violation[] = []) {
    super(message);
    this.name = new.target.name;
    this.violations = violations;
  }
}

/** One or more certification rules refuse the operation (HTTP 422). */
export class RuleViolation extends DomainError {
  readonly kind = 'rule' as const;

  constructor(violations: readonly Violation[]) {
    super(violations.map((v) => v.message).join('; '), violations);
  }

  /** The rule IDs broken, in order. */
  get ruleIds(): string[] {
    return this.violations.map((v) => v.ruleId);
  }
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The caller may not act on this resource (HTTP 403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** The state changed under the caller, or the thing already exists (HTTP 409). */
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}

/** The input is malformed; `field` names what is wrong (HTTP 400). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid' as const;

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
