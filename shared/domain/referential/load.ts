import * as z from 'zod';
import { RuleViolation, violation, type Violation } from '../errors';
import type { Sentence } from '../sentence';
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
  const dans = `dans ${ref.rncpCode}`;
  const problem = (sentence: Sentence) => found.push(violation('REF-1', sentence));
  const modalityCodes = new Set(ref.modalities.map((m) => m.code));
  const blockCodes = new Set(ref.blocks.map((b) => b.code));
  const lists: [Sentence, string[]][] = [
    [{ en: 'modality', fr: 'la modalité' }, ref.modalities.map((m) => m.code)],
    [{ en: 'block', fr: 'le bloc' }, ref.blocks.map((b) => b.code)],
    [{ en: 'partial certification', fr: 'la certification partielle' }, ref.blocks.map((b) => b.partialCertificationCode)],
    [{ en: 'competency', fr: 'la compétence' }, ref.competencies.map((c) => c.code)],
    [{ en: 'deliverable', fr: 'le livrable' }, ref.deliverables.map((d) => d.id)],
    [{ en: 'exam segment', fr: "la séquence d'oral" }, ref.exam.segments.map((s) => s.id)],
  ];
  for (const [what, codes] of lists) {
    for (const code of duplicates(codes)) problem({ en: `${what.en} ${code} is defined twice ${where}`, fr: `${what.fr} ${code} apparaît deux fois ${dans}` });
  }
  for (const block of ref.blocks) {
    for (const m of block.modalities) {
      if (!modalityCodes.has(m)) problem({ en: `block ${block.code} names modality ${m}, which is not defined ${where}`, fr: `le bloc ${block.code} cite la modalité ${m}, qui n'est pas définie ${dans}` });
    }
    const competencies = ref.competencies.filter((c) => c.block === block.code);
    if (competencies.length === 0) problem({ en: `block ${block.code} has no competency ${where}`, fr: `le bloc ${block.code} n'a aucune compétence ${dans}` });
    const used = new Set(competencies.flatMap((c) => c.modalities));
    for (const m of block.modalities) {
      if (competencies.length > 0 && !used.has(m)) {
        problem({
          en: `block ${block.code} requires modality ${m} but none of its competencies is evaluated by it ${where}`,
          fr: `le bloc ${block.code} requiert la modalité ${m}, mais aucune de ses compétences n'est évaluée par celle-ci ${dans}`,
        });
      }
    }
    for (const m of used) {
      if (!block.modalities.includes(m)) {
        problem({
          en: `a competency of block ${block.code} is evaluated by ${m}, which the block does not list among its modalities ${where}`,
          fr: `une compétence du bloc ${block.code} est évaluée par ${m}, que le bloc ne cite pas parmi ses modalités ${dans}`,
        });
      }
    }
  }
  for (const c of ref.competencies) {
    if (!blockCodes.has(c.block)) problem({ en: `competency ${c.code} belongs to block ${c.block}, which is not defined ${where}`, fr: `la compétence ${c.code} relève du bloc ${c.block}, qui n'est pas défini ${dans}` });
    for (const m of c.modalities) {
      if (!modalityCodes.has(m)) problem({ en: `competency ${c.code} is evaluated by modality ${m}, which is not defined ${where}`, fr: `la compétence ${c.code} est évaluée par la modalité ${m}, qui n'est pas définie ${dans}` });
    }
  }
  for (const d of ref.deliverables) {
    if (!modalityCodes.has(d.modality)) problem({ en: `deliverable ${d.id} belongs to modality ${d.modality}, which is not defined ${where}`, fr: `le livrable ${d.id} relève de la modalité ${d.modality}, qui n'est pas définie ${dans}` });
  }
  for (const code of duplicates(ref.deliverables.map((d) => d.modality))) {
    problem({ en: `modality ${code} has more than one deliverable ${where}`, fr: `la modalité ${code} a plus d'un livrable ${dans}` });
  }
  for (const m of ref.modalities) {
    const hasReport = m.parts.includes('report');
    const hasDeliverable = ref.deliverables.some((d) => d.modality === m.code);
    if (hasReport !== hasDeliverable) {
      problem({
        en: `modality ${m.code} ${hasReport ? 'asks for a report but has no deliverable' : 'has a deliverable but asks for no report'} ${where}`,
        fr: `la modalité ${m.code} ${hasReport ? "demande un rapport mais n'a aucun livrable" : 'a un livrable mais ne demande aucun rapport'} ${dans}`,
      });
    }
  }
  for (const s of ref.exam.segments) {
    if (!modalityCodes.has(s.modality)) problem({ en: `exam segment ${s.id} belongs to modality ${s.modality}, which is not defined ${where}`, fr: `la séquence d'oral ${s.id} relève de la modalité ${s.modality}, qui n'est pas définie ${dans}` });
  }
  const examMinutes = ref.exam.segments.reduce((sum, s) => sum + s.minutes, 0);
  if (examMinutes > ref.exam.slotMinutes) {
    problem({
      en: `the oral lasts ${examMinutes} minutes but the plan allots only ${ref.exam.slotMinutes} per candidate ${where}`,
      fr: `l'oral dure ${examMinutes} minutes, mais le planning n'en prévoit que ${ref.exam.slotMinutes} par candidat ${dans}`,
    });
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
    const french = ReferentialSchema.safeParse(definition, { error: z.locales.fr().localeError }).error?.issues ?? [];
    throw new InvalidReferential(
      parsed.error.issues.map((issue, i) => {
        const path = issue.path.join('.');
        return violation('REF-1', {
          en: `the referential definition is malformed at ${path || '(root)'}: ${issue.message}`,
          fr: `la définition du référentiel est mal formée en ${path || '(racine)'} : ${french[i]?.message ?? issue.message}`,
        });
      }),
    );
  }
  const problems = referentialViolations(parsed.data);
  if (problems.length > 0) throw new InvalidReferential(problems);
  return parsed.data;
}

/** The block with this code; throws {@link InvalidReferential} when the title has none. */
export function getBlock(ref: Referential, code: string): Block {
  const block = ref.blocks.find((b) => b.code === code);
  if (!block) throw new InvalidReferential([violation('REF-1', { en: `${ref.rncpCode} has no block ${code}`, fr: `${ref.rncpCode} n'a pas de bloc ${code}` })]);
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
