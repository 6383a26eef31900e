import { checkOf, type Check } from './check';
import { addYears, compareIsoDates, describeDate, type IsoDate } from './dates';
import { violation, type Violation } from './errors';
import type { Referential } from './referential/schema';
import { scopeViolations, type Registration } from './scope';
import { frenchDe } from './sentence';

/** Years after a session within which a candidate may sit again without new training (RETAKE-4). */
export const RETAKE_WITHOUT_TRAINING_YEARS = 1;

/** A block a candidate validated, and in which session. */
export interface ValidatedBlockRecord {
  candidateId: string;
  blockCode: string;
  sessionId: string;
  sessionDate: IsoDate;
}

/** The last day a candidate may sit again without a new training: previous session date + 1 year (RETAKE-4). */
export function retakeWithoutTrainingUntil(previousSessionDate: IsoDate): IsoDate {
  return addYears(previousSessionDate, RETAKE_WITHOUT_TRAINING_YEARS);
}

/**
 * RETAKE-4: anyone sitting again, whether or not they validated a block, may do so without new
 * training within one year of the earlier session's date (calendar days of the session's zone,
 * 29 February included: a year after 2023-03-01 is 2024-03-01, 366 days); after that, only with
 * a new training. The earlier session must be before this one.
 */
export function checkRetakeEligibility(input: { previousSessionDate: IsoDate; sessionDate: IsoDate; newTraining: boolean; candidateName: string }): Check {
  if (compareIsoDates(input.previousSessionDate, input.sessionDate) >= 0) {
    return checkOf([
      violation('RETAKE-4', {
        en: `${input.candidateName}'s earlier session on ${input.previousSessionDate} is not before this session on ${input.sessionDate}; give the date of the session they last sat`,
        fr: `la session précédente ${frenchDe(input.candidateName)}, le ${describeDate(input.previousSessionDate, 'fr')}, n'est pas antérieure à cette session du ${describeDate(input.sessionDate, 'fr')} ; indiquez la date de sa dernière session`,
      }), // RETAKE-4
    ]);
  }
  const until = retakeWithoutTrainingUntil(input.previousSessionDate);
  if (input.newTraining || compareIsoDates(input.sessionDate, until) <= 0) return checkOf([]);
  return checkOf([
    violation('RETAKE-4', {
      en: `${input.candidateName} last sat on ${input.previousSessionDate}; after ${until} a new training is required before sitting again`,
      fr: `la dernière session ${frenchDe(input.candidateName)} date du ${describeDate(input.previousSessionDate, 'fr')} ; après le ${describeDate(until, 'fr')}, une nouvelle formation est requise avant de se présenter à nouveau`,
    }), // RETAKE-4
  ]);
}

/** Everything that refuses a registration: a retake's blocks (RETAKE-2) and its timing (RETAKE-4). */
export function checkRegistration(ref: Referential, registration: Registration, sessionDate: IsoDate, candidateName: string): Check {
  const found: Violation[] = scopeViolations(ref, registration); // RETAKE-2
  if (registration.kind === 'retake') {
    found.push(
      ...checkRetakeEligibility({ previousSessionDate: registration.previousSessionDate, sessionDate, newTraining: registration.newTraining, candidateName }).violations,
    );
  }
  return checkOf(found);
}

/**
 * RETAKE-3: the blocks a candidate holds: every block validated in a session that was not
 * annulled (QUAL-2), for life; in referential order.
 */
export function blocksHeld(ref: Referential, records: readonly ValidatedBlockRecord[], annulledSessionIds: readonly string[] = []): string[] {
  const held = new Set(records.filter((r) => !annulledSessionIds.includes(r.sessionId)).map((r) => r.blockCode)); // RETAKE-3, QUAL-2
  return ref.blocks.map((b) => b.code).filter((code) => held.has(code));
}

/**
 * RETAKE-3: a later record of validated blocks must still hold every block held before, except
 * those voided by an annulment (QUAL-2). Lists each block that was dropped.
 */
export function checkBlocksKept(before: readonly string[], after: readonly string[], voidedByAnnulment: readonly string[] = []): Check {
  return checkOf(
    before
      .filter((b) => !after.includes(b) && !voidedByAnnulment.includes(b))
      .map((b) => violation('RETAKE-3', { en: `block ${b} was validated and stays validated for life; it cannot be withdrawn`, fr: `le bloc ${b} a été validé et le reste à vie ; il ne peut pas être retiré` })), // RETAKE-3
  );
}
