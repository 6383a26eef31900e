import { checkOf, type Check } from './check';
import { RuleViolation, violation, type Violation } from './errors';
import type { Outcome } from './deliberation';
import { addDays, addMonths, describeInstant, localDate, startOfDay, type TimeZone } from './dates';

/** The grounds on which a candidate may appeal (QUAL-1, Q29). */
export const APPEAL_GROUNDS = ['modalities-not-respected', 'durations-not-respected', 'confidentiality-compromised'] as const;

/** An admissible appeal ground. */
export type AppealGround = (typeof APPEAL_GROUNDS)[number];

/** A candidate's appeal against a session; `ground` is checked by {@link checkAppealAdmissible}. */
export interface Appeal {
  id: string;
  sessionId: string;
  registrationId: string;
  candidateId: string;
  ground: string;
  statement: string;
  filedAt: Date;
}

/** An appeal the quality committee cannot take up (QUAL-1). */
export class AppealNotAdmissible extends RuleViolation {}

/** A ground is admissible when it is one of {@link APPEAL_GROUNDS}. */
export function isAppealGround(ground: string): ground is AppealGround {
  return (APPEAL_GROUNDS as readonly string[]).includes(ground);
}

/**
 * QUAL-1: an appeal is admissible when it comes from a candidate registered to the session and
 * rests on the modalities or durations not being respected, or on compromised confidentiality.
 * Disagreeing with the jury's judgement is not a ground.
 */
export function checkAppealAdmissible(appeal: Appeal, registration: { id: string; candidateId: string; sessionId: string }): Check {
  const found: Violation[] = [];
  if (!isAppealGround(appeal.ground)) {
    found.push(violation('QUAL-1', {
      en: `"${appeal.ground}" is not a ground for appeal; a candidate may appeal only when the modalities or durations were not respected or the confidentiality of the exchanges was compromised`,
      fr: `"${appeal.ground}" n'est pas un motif de recours ; un candidat ne peut former un recours que si les modalités ou les durées de l'épreuve n'ont pas été respectées, ou si la confidentialité des échanges a été compromise`,
    })); // QUAL-1
  }
  if (registration.id !== appeal.registrationId || registration.candidateId !== appeal.candidateId || registration.sessionId !== appeal.sessionId) {
    found.push(violation('QUAL-1', { en: 'only a candidate registered to the session may appeal against it', fr: 'seul un candidat inscrit à la session peut former un recours contre elle' }));
  }
  if (appeal.statement.trim() === '') found.push(violation('QUAL-1', { en: 'the appeal must say what happened', fr: "le recours doit exposer ce qui s'est passé" }));
  return checkOf(found);
}

/** The quality committee's ruling on appeals or reported breaches of one session (QUAL-2). */
export interface CommitteeDecision {
  id: string;
  sessionId: string;
  /** The appeals and reported breaches it rules on. */
  caseIds: string[];
  decision: 'annul-session' | 'no-annulment';
  reason: string;
  decidedBy: string;
  decidedAt: Date;
}

/** A candidate's result in one session, as kept on record. */
export interface SessionResult {
  sessionId: string;
  registrationId: string;
  candidateId: string;
  result: Outcome['result'] | 'absent';
  blocksValidatedNow: string[];
  status: 'standing' | 'void';
  /** Set when the session was annulled: the ruling and its reason stay on record (QUAL-2). */
  annulment?: { decisionId: string; reason: string; decidedAt: Date };
}

/** QUAL-2: a committee decision must give its reason and rule on at least one case. */
export function checkCommitteeDecision(decision: CommitteeDecision): Check {
  const found: Violation[] = [];
  if (decision.reason.trim() === '') found.push(violation('QUAL-2', { en: "the quality committee's decision must record why", fr: 'la décision du comité qualité doit être motivée' }));
  if (decision.caseIds.length === 0) found.push(violation('QUAL-2', { en: 'the quality committee rules on an appeal or a reported breach; name at least one', fr: 'le comité qualité statue sur un recours ou un manquement signalé ; indiquez-en au moins un' }));
  return checkOf(found);
}

/**
 * QUAL-2: what a committee decision does to a session's results. On annulment every result of
 * that session becomes void (its blocks no longer count) but stays on record with the reason;
 * otherwise results stand. Results of other sessions are untouched.
 */
export function applyCommitteeDecision(results: readonly SessionResult[], decision: CommitteeDecision): SessionResult[] {
  const check = checkCommitteeDecision(decision);
  if (!check.ok) throw new RuleViolation(check.violations);
  if (decision.decision !== 'annul-session') return results.map((r) => ({ ...r }));
  return results.map((r) =>
    r.sessionId === decision.sessionId
      ? { ...r, status: 'void' as const, annulment: { decisionId: decision.id, reason: decision.reason, decidedAt: decision.decidedAt } } // QUAL-2
      : { ...r },
  );
}

/**
 * QUAL-1: the certifier's window for appeals, `months` after the results were released, counted
 * in calendar days of the session's zone: an appeal is accepted until the end of that day. Returns
 * the first instant it no longer is.
 */
export function appealsCloseAt(releasedAt: Date, months: number, timeZone: TimeZone): Date {
  return startOfDay(addDays(addMonths(localDate(releasedAt, timeZone), months), 1), timeZone); // QUAL-1
}

/** QUAL-1: an appeal filed once the window closed is not admissible; the violation says when it closed. */
export function checkAppealInTime(filedAt: Date, closesAt: Date | undefined, timeZone: TimeZone): Check {
  if (!closesAt || filedAt < closesAt) return checkOf([]);
  return checkOf([violation('QUAL-1', {
      en: `the window for appeals against this session closed at ${describeInstant(closesAt, timeZone)}; the certifier accepts appeals until then`,
      fr: `le délai de recours contre cette session a pris fin le ${describeInstant(closesAt, timeZone, 'fr')} ; le certificateur accepte les recours jusqu'à cette date`,
    })]); // QUAL-1
}
