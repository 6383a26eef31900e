import type { IsoDate } from './dates';
import { RuleViolation, violation, type Violation } from './errors';
import type { Block, Competency, DeliverableType, Referential } from './referential/schema';

/** A candidate's first pass at the title: every block is in scope. */
export interface FirstAttemptRegistration {
  kind: 'first-attempt';
  id: string;
  sessionId: string;
  candidateId: string;
}

/**
 * A new, independent pass (RETAKE-2) by a candidate who validated some blocks before.
 * `previousSessionDate` is the date of the session the candidate last sat (RETAKE-4 counts
 * from it) and `newTraining` says whether they followed a new training since.
 */
export interface RetakeRegistration {
  kind: 'retake';
  id: string;
  sessionId: string;
  candidateId: string;
  previouslyValidatedBlocks: string[];
  previousSessionDate: IsoDate;
  newTraining: boolean;
}

/** A candidate registered to one session for one title. */
export type Registration = FirstAttemptRegistration | RetakeRegistration;

/** What a registration puts in front of the jury: blocks, competencies, modalities, deliverables. */
export interface Scope {
  rncpCode: string;
  blocks: Block[];
  competencies: Competency[];
  modalities: string[];
  deliverables: DeliverableType[];
  /** Blocks already validated in an earlier session (RETAKE-3); never in `blocks`. */
  previouslyValidatedBlocks: string[];
}

/** A registration whose scope cannot be computed: unknown block, or nothing left to pass. */
export class InvalidScope extends RuleViolation {}

/** The blocks a registration declares as validated earlier (none for a first attempt). */
export function previouslyValidatedBlocks(registration: Registration): string[] {
  return registration.kind === 'retake' ? [...new Set(registration.previouslyValidatedBlocks)] : [];
}

/** Problems with a registration's declared earlier blocks, as RETAKE-2 violations. */
export function scopeViolations(ref: Referential, registration: Registration): Violation[] {
  const earlier = previouslyValidatedBlocks(registration);
  const found: Violation[] = [];
  for (const code of earlier) {
    if (!ref.blocks.some((b) => b.code === code)) {
      const blocks = ref.blocks.map((b) => b.code).join(', ');
      found.push(
        violation('RETAKE-2', {
          en: `block ${code} does not exist in ${ref.rncpCode}; a retake lists validated blocks among ${blocks}`,
          fr: `le bloc ${code} n'existe pas dans ${ref.rncpCode} ; une reprise indique les blocs déjà validés parmi ${blocks}`,
        }),
      );
    }
  }
  if (registration.kind === 'retake' && ref.blocks.every((b) => earlier.includes(b.code))) {
    found.push(violation('RETAKE-2', { en: `every block of ${ref.rncpCode} is already validated; there is nothing left to retake`, fr: `tous les blocs de ${ref.rncpCode} sont déjà validés ; il n'y a plus rien à repasser` }));
  }
  return found;
}

/**
 * The scope of a registration. A first attempt covers every block; a retake only the blocks
 * not yet validated, each whole, with that block's modalities (RETAKE-2). The deliverables owed
 * follow from the modalities of the blocks in scope (DELIV-1). Throws {@link InvalidScope}.
 */
export function computeScope(ref: Referential, registration: Registration): Scope {
  const problems = scopeViolations(ref, registration);
  if (problems.length > 0) throw new InvalidScope(problems);
  const earlier = previouslyValidatedBlocks(registration);
  const blocks = ref.blocks.filter((b) => !earlier.includes(b.code)); // RETAKE-2
  const blockCodes = new Set(blocks.map((b) => b.code));
  const competencies = ref.competencies.filter((c) => blockCodes.has(c.block)); // RETAKE-2, DELIB-7
  const modalitySet = new Set(blocks.flatMap((b) => b.modalities));
  const modalities = ref.modalities.map((m) => m.code).filter((code) => modalitySet.has(code));
  const deliverables = ref.deliverables.filter((d) => modalitySet.has(d.modality)); // DELIV-1
  return { rncpCode: ref.rncpCode, blocks, competencies, modalities, deliverables, previouslyValidatedBlocks: earlier };
}
