import type { Language, Sentence } from './sentence';

/**
 * A broken rule, stated for a person: the rule ID from RULES.md and a sentence that
 * says what to fix, in English (`message`: `JURY-3: Alex Martin trains this cohort and cannot
 * sit on its jury`) and in French (`messageFr`). Responses carry one of the two, as the request's
 * `Accept-Language` asks; violations recorded before French was added have no `messageFr`.
 */
export interface Violation {
  ruleId: string;
  message: string;
  messageFr?: string;
}

/** Builds a violation whose messages start with its rule ID. */
export function violation(ruleId: string, sentence: Sentence): Violation {
  return { ruleId, message: `${ruleId}: ${sentence.en}`, messageFr: `${ruleId} : ${sentence.fr}` };
}

/** A violation's message in `language` (English when it was recorded without French). */
export function violationMessage(v: Violation, language: Language): string {
  return language === 'fr' && v.messageFr ? v.messageFr : v.message;
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
  /** What is refused, in each language; `message` is its English. */
  readonly sentence: Sentence;

  constructor(sentence: Sentence, violations: readonly Violation[] = []) {
    super(sentence.en);
    this.name = new.target.name;
    this.sentence = sentence;
    this.violations = violations;
  }
}

/** One or more certification rules refuse the operation (HTTP 422). */
export class RuleViolation extends DomainError {
  readonly kind = 'rule' as const;

  constructor(violations: readonly Violation[]) {
    super({ en: violations.map((v) => v.message).join('; '), fr: violations.map((v) => violationMessage(v, 'fr')).join(' ; ') }, violations);
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
    sentence: Sentence,
    readonly field?: string,
  ) {
    super(sentence);
  }
}
