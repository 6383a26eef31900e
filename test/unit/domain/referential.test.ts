import { describe, expect, it } from 'vitest';
import {
  certificateFor,
  checkPageCount,
  competenciesOfBlock,
  computeOutcome,
  computeScope,
  fullExamMinutes,
  InvalidReferential,
  loadReferential,
  planSchedule,
  referentialFor,
  RNCP34757,
  type ReferentialDefinition,
} from '../../../shared/domain';
import { decisionsFor, ref, TOY_DEFINITION, toy } from './fixtures';

const clone = (): ReferentialDefinition => structuredClone(RNCP34757);

function violationsOf(definition: unknown): string[] {
  try {
    loadReferential(definition);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidReferential);
    return (e as InvalidReferential).violations.map((v) => v.message);
  }
  return [];
}

describe('the referential', () => {
  it('REF-1: RNCP34757 loads with blocks A1–A4, their partial certifications and C1–C18', () => {
    expect(ref.blocks.map((b) => [b.code, b.partialCertificationCode])).toEqual([
      ['A1', 'RNCP34757BC01'],
      ['A2', 'RNCP34757BC02'],
      ['A3', 'RNCP34757BC03'],
      ['A4', 'RNCP34757BC04'],
    ]);
    expect(ref.blocks[0]?.title).toBe("Développer la gestion des données analytiques d'un projet d'application");
    expect(ref.competencies.map((c) => c.code)).toEqual(Array.from({ length: 18 }, (_, i) => `C${i + 1}`));
    expect(competenciesOfBlock(ref, 'A1').map((c) => c.code)).toEqual(['C1', 'C2', 'C3']);
    expect(competenciesOfBlock(ref, 'A2').map((c) => c.code)).toEqual(['C4', 'C5', 'C6', 'C7', 'C8']);
    expect(competenciesOfBlock(ref, 'A3').map((c) => c.code)).toEqual(['C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15']);
    expect(competenciesOfBlock(ref, 'A4').map((c) => c.code)).toEqual(['C16', 'C17', 'C18']);
  });

  it.each([
    ['A1', ['E1']],
    ['A2', ['E1', 'E2']],
    ['A3', ['E1', 'E2']],
    ['A4', ['E1', 'E3']],
  ])('REF-1: block %s is evaluated by %j', (block, modalities) => {
    expect(ref.blocks.find((b) => b.code === block)?.modalities).toEqual(modalities);
  });

  it('REF-1: C8 and C14 are judged on E2, C17 on E3, every other competency on E1', () => {
    const byModality = (m: string) => ref.competencies.filter((c) => c.modalities.includes(m)).map((c) => c.code);
    expect(byModality('E2')).toEqual(['C8', 'C14']);
    expect(byModality('E3')).toEqual(['C17']);
    expect(byModality('E1')).toHaveLength(15);
  });

  it.each([
    ['project-report', 'E1', 20, 30],
    ['practical-case-1-report', 'E2', 5, 10],
    ['practical-case-2-report', 'E3', 2, 5],
  ])('REF-1: deliverable %s belongs to %s with %i to %i pages', (id, modality, min, max) => {
    expect(ref.deliverables.find((d) => d.id === id)).toMatchObject({ modality, minPages: min, maxPages: max });
  });

  it('REF-1: the oral is 30 + 30 + 5 minutes in a 95-minute slot', () => {
    expect(ref.exam.segments.map((s) => s.minutes)).toEqual([30, 30, 5]);
    expect(fullExamMinutes(ref)).toBe(65);
    expect(ref.exam.slotMinutes).toBe(95);
  });

  it.each<[string, (d: ReferentialDefinition) => void, RegExp]>([
    ['a competency in a missing block', (d) => void (d.competencies[0]!.block = 'A9'), /REF-1: competency C1 belongs to block A9, which is not defined/],
    ['a block naming an unknown modality', (d) => void d.blocks[0]!.modalities.push('E7'), /REF-1: block A1 names modality E7/],
    ['a duplicated competency', (d) => void d.competencies.push({ code: 'C3', block: 'A1', modalities: ['E1'] }), /REF-1: competency C3 is defined twice/],
    ['a block with no competency', (d) => void d.blocks.push({ code: 'A5', title: 'x', partialCertificationCode: 'RNCP34757BC05', modalities: ['E1'] }), /REF-1: block A5 has no competency/],
    ['a block missing a modality its competency uses', (d) => void (d.blocks[3]!.modalities = ['E1']), /REF-1: a competency of block A4 is evaluated by E3/],
    ['a deliverable of an unknown modality', (d) => void (d.deliverables[2]!.modality = 'E4'), /REF-1: deliverable practical-case-2-report belongs to modality E4/],
    ['an inverted page range', (d) => void (d.deliverables[0]!.minPages = 40), /REF-1: the referential definition is malformed at deliverables\.0/],
    ['an oral longer than the slot', (d) => void (d.exam.slotMinutes = 60), /REF-1: the oral lasts 65 minutes but the plan allots only 60/],
    ['a bad RNCP code', (d) => void (d.rncpCode = '34757'), /REF-1: the referential definition is malformed at rncpCode/],
  ])('REF-1: loading refuses %s', (_name, mutate, expected) => {
    const d = clone();
    mutate(d);
    expect(violationsOf(d).join('\n')).toMatch(expected);
  });

  it('REF-1: an unknown title is not found', () => {
    expect(() => referentialFor('RNCP00001')).toThrow(/no referential is defined for RNCP00001/);
    expect(() => referentialFor('RNCP00001')).toThrow(expect.objectContaining({ sentence: expect.objectContaining({ fr: "aucun référentiel n'est défini pour RNCP00001 ; titres connus : RNCP34757" }) }));
  });

  it('REF-1: the same rule functions run unchanged on a second, made-up title', () => {
    expect(violationsOf(TOY_DEFINITION)).toEqual([]);
    const scope = computeScope(toy, { kind: 'retake', id: 'r', sessionId: 's', candidateId: 'c', previouslyValidatedBlocks: ['B1'], previousSessionDate: '2025-01-01', newTraining: false });
    expect(scope.blocks.map((b) => b.code)).toEqual(['B2']);
    expect(scope.deliverables.map((d) => d.id)).toEqual(['realisation-report', 'technical-file']);
    expect(checkPageCount(toy.deliverables[0]!, 5).violations[0]?.message).toBe('DELIV-2: the realisation report has 5 pages; 3 to 4 are required');
    const outcome = computeOutcome(toy, scope, decisionsFor(['K3', 'K4']));
    expect(outcome).toMatchObject({ blocksValidated: ['B1', 'B2'], titleObtained: true, result: 'admitted' });
    expect(certificateFor(toy, outcome.blocksValidated)).toMatchObject({ kind: 'parchemin', rncpCode: 'RNCP99999' });
    const [slot] = planSchedule(toy, new Date('2025-06-20T08:00:00Z'), [{ registrationId: 'r', scope }]);
    expect(slot?.examEndAt.toISOString()).toBe('2025-06-20T08:30:00.000Z');
    expect(slot?.deliberationEndAt.toISOString()).toBe('2025-06-20T08:40:00.000Z');
  });

  it.each([
    ['E1', ['report', 'presentation', 'demo', 'questions']],
    ['E2', ['report', 'oral-exchange']],
    ['E3', ['report']],
  ])('REF-2: modality %s asks for %j', (code, parts) => {
    expect(ref.modalities.find((m) => m.code === code)?.parts).toEqual(parts);
  });

  it("REF-2: E1 is the chef d'œuvre, E2 improves an existing AI, E3 is the technology watch", () => {
    expect(ref.modalities.map((m) => m.name)).toEqual(["Projet chef d'œuvre", 'Cas pratique 1 : améliorer une IA existante', 'Cas pratique 2 : veille technologique']);
    expect(ref.exam.segments.find((s) => s.modality === 'E2')?.minutes).toBe(5);
    expect(ref.exam.segments.some((s) => s.modality === 'E3')).toBe(false);
  });
});
