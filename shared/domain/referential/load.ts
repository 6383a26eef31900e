import { RuleViolation, violation, type Violation } from '../errors';
import { ReferentialSchema, type Block, type Competency, type DeliverableType, type Referential } from './schema';

/** The definition of a title is malformed or contradicts itself (REF-1). */
export class InvalidReferential extends RuleViolation {}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Every cross-reference error of a schema-valid definition, as REF-1 violations. */
export function referentialViolations(ref: Referential): Violation[] {
  const found: Violation[] = [];
  const where = `in ${ref.rncpCode}`;
  const modalityCodes = new Set(ref.modalities.map((m) => m.code));
  const blockCodes = new Set(ref.blocks.map((b) => b.code));
  const lists: [string, string[]][] = [
    ['modality', ref.modalities.map((m) => m.code)],
    ['block', ref.blocks.map((b) => b.code)],
    ['partial certification', ref.blocks.map((b) => b.partialCertificationCode)],
    ['competency', ref.competencies.map((c) => c.code)],
    ['deliverable', ref.deliverables.map((d) => d.id)],
    ['exam segment', ref.exam.segments.map((s) => s.id)],
  ];
  for (const [what, codes] of lists) {
    for (const code of duplicates(codes)) found.push(violation('REF-1', `${what} ${code} is defined twice ${where}`));
  }
  for (const block of ref.blocks) {
    for (const m of block.modalities) {
      if (!modalityCodes.has(m)) found.push(violation('REF-1', `block ${block.code} names modality ${m}, which is not defined ${where}`));
    }
    const competencies = ref.competencies.filter((c) => c.block === block.code);
    if (competencies.length === 0) found.push(violation('REF-1', `block ${block.code} has no competency ${where}`));
    const used = new Set(competencies.flatMap((c) => c.modalities));
    for (const m of block.modalities) {
      if (competencies.length > 0 && !used.has(m)) {
        found.push(violation('REF-1', `block ${block.code} requires modality ${m} but none of its competencies is evaluated by it ${where}`));
      }
    }
    for (const m of used) {
      if (!block.modalities.includes(m)) {
        found.push(violation('REF-1', `a competency of block ${block.code} is evaluated by ${m}, which the block does not list among its modalities ${where}`));
      }
    }
  }
  for (const c of ref.competencies) {
    if (!blockCodes.has(c.block)) found.push(violation('REF-1', `competency ${c.code} belongs to block ${c.block}, which is not defined ${where}`));
    for (const m of c.modalities) {
      if (!modalityCodes.has(m)) found.push(violation('REF-1', `competency ${c.code} is evaluated by modality ${m}, which is not defined ${where}`));
    }
  }
  for (const d of ref.deliverables) {
    if (!modalityCodes.has(d.modality)) found.push(violation('REF-1', `deliverable ${d.id} belongs to modality ${d.modality}, which is not defined ${where}`));
  }
  for (const code of duplicates(ref.deliverables.map((d) => d.modality))) {
    found.push(violation('REF-1', `modality ${code} has more than one deliverable ${where}`));
  }
  for (const m of ref.modalities) {
    const hasReport = m.parts.includes('report');
    const hasDeliverable = ref.deliverables.some((d) => d.modality === m.code);
    if (hasReport !== hasDeliverable) {
      found.push(violation('REF-1', `modality ${m.code} ${hasReport ? 'asks for a report but has no deliverable' : 'has a deliverable but asks for no report'} ${where}`));
    }
  }
  for (const s of ref.exam.segments) {
    if (!modalityCodes.has(s.modality)) found.push(violation('REF-1', `exam segment ${s.id} belongs to modality ${s.modality}, which is not defined ${where}`));
  }
  const examMinutes = ref.exam.segments.reduce((sum, s) => sum + s.minutes, 0);
  if (examMinutes > ref.exam.slotMinutes) {
    found.push(violation('REF-1', `the oral lasts ${examMinutes} minutes but the plan allots only ${ref.exam.slotMinutes} per candidate ${where}`));
  }
  return found;
}

/**
 * Validates a title's definition (REF-1): its shape with zod, then every cross-reference
 * (each competency's block exists, each block's modalities are those of its competencies…).
 * Throws {@link InvalidReferential} listing every problem.
 */
export function loadReferential(definition: unknown): Referential {
  const parsed = ReferentialSchema.safeParse(definition); // REF-1
  if (!parsed.success) {
    throw new InvalidReferential(
      parsed.error.issues.map((issue) => violation('REF-1', `the referential definition is malformed at ${issue.path.join('.') || '(root)'}: ${issue.message}`)),
    );
  }
  const problems = referentialViolations(parsed.data);
  if (problems.length > 0) throw new InvalidReferential(problems);
  return parsed.data;
}

/** The block with this code; throws {@link InvalidReferential} when the title has none. */
export function getBlock(ref: Referential, code: string): Block {
  const block = ref.blocks.find((b) => b.code === code);
  if (!block) throw new InvalidReferential([violation('REF-1', `${ref.rncpCode} has no block ${code}`)]);
  return block;
}

/** The competencies of a block, in referential order. */
export function competenciesOfBlock(ref: Referential, blockCode: string): Competency[] {
  return ref.competencies.filter((c) => c.block === blockCode);
}

/** The deliverable type with this id, or undefined when the title defines none. */
export function findDeliverableType(ref: Referential, id: string): DeliverableType | undefined {
  return ref.deliverables.find((d) => d.id === id);
}

/** Minutes of the oral for every segment, i.e. the full oral when every modality is in scope. */
export function fullExamMinutes(ref: Referential): number {
  return ref.exam.segments.reduce((sum, s) => sum + s.minutes, 0);
}
