import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  unacquirableCompetencies,
  checkGrid,
  checkGridDecisions,
  computeOutcome,
  computeScope,
  fillGrid,
  GridIncomplete,
  sealGrid,
  signGrid,
  type Grid,
  type GridContext,
} from '../../../shared/domain';
import { at, decisionsFor, first, fullScope, ref, retake } from './fixtures';

const ALL = ref.competencies.map((c) => c.code);
const BLOCKS = ref.blocks.map((b) => b.code);

const ctx = (over: Partial<GridContext> = {}): GridContext => ({
  ref,
  scope: fullScope,
  candidateName: 'Camille Durand',
  eligibleJurorIds: ['j-alex', 'j-sam'],
  jurorNames: { 'j-alex': 'Alex Martin', 'j-sam': 'Sam Bernard', 'j-lou': 'Lou Petit' },
  examEndedAt: at('2025-06-20T09:05:00Z'),
  timeZone: 'Europe/Paris',
  missingDeliverables: [],
  ...over,
});

const grid = (over: Partial<Grid> = {}): Grid => ({
  id: 'g1',
  sessionId: 's',
  registrationId: 'reg-1',
  decisions: decisionsFor(ALL),
  signatures: [
    { jurorId: 'j-alex', signedAt: at('2025-06-20T09:20:00Z'), method: 'handwritten' },
    { jurorId: 'j-sam', signedAt: at('2025-06-20T09:21:00Z'), method: 'handwritten' },
  ],
  ...over,
});

const messages = (c: { violations: { message: string }[] }) => c.violations.map((v) => v.message);
const frenchMessages = (c: { violations: { messageFr?: string }[] }) => c.violations.map((v) => v.messageFr);

describe('deliberation', () => {
  it('DELIB-1: a competency marked partially is refused', () => {
    const decisions = { ...decisionsFor(ALL), C4: 'partial' } as unknown as Grid['decisions'];
    expect(messages(checkGridDecisions(grid({ decisions }), ctx()))).toEqual(['DELIB-1: C4 is marked "partial"; a competency is either acquired or not acquired']);
  });

  it('DELIB-1: every in-scope competency must be decided', () => {
    const decisions = decisionsFor(ALL.filter((c) => c !== 'C2' && c !== 'C9'));
    expect(messages(checkGridDecisions(grid({ decisions }), ctx()))).toEqual(['DELIB-1: C2, C9 are not decided yet; mark each acquired or not acquired']);
  });

  it('DELIB-2: one competency not acquired leaves its block unvalidated', () => {
    const outcome = computeOutcome(ref, fullScope, decisionsFor(ALL, ['C17']));
    expect(outcome.blocksValidatedNow).toEqual(['A1', 'A2', 'A3']);
    expect(outcome.blocksNotValidated).toEqual([{ block: 'A4', competenciesNotAcquired: ['C17'] }]);
    expect(outcome.result).toBe('partially-admitted');
  });

  it('DELIB-2: property: a block is validated exactly when all its competencies are acquired', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: ALL.length, maxLength: ALL.length }), (acquired) => {
        const decisions = Object.fromEntries(ALL.map((c, i) => [c, acquired[i] ? 'acquired' : 'not_acquired']));
        const outcome = computeOutcome(ref, fullScope, decisions);
        for (const block of BLOCKS) {
          const all = ref.competencies.filter((c) => c.block === block).every((c) => decisions[c.code] === 'acquired');
          expect(outcome.blocksValidatedNow.includes(block)).toBe(all);
        }
      }),
    );
  });

  it('DELIB-3: property: the title exactly when all four blocks are validated, now or before', () => {
    fc.assert(
      fc.property(fc.subarray(BLOCKS, { maxLength: 3 }), fc.array(fc.boolean(), { minLength: ALL.length, maxLength: ALL.length }), (earlier, acquired) => {
        const scope = computeScope(ref, earlier.length === 0 ? first() : retake(earlier));
        const decisions = Object.fromEntries(scope.competencies.map((c) => [c.code, acquired[ALL.indexOf(c.code)] ? 'acquired' : 'not_acquired']));
        const outcome = computeOutcome(ref, scope, decisions);
        const held = BLOCKS.filter((b) => earlier.includes(b) || scope.competencies.filter((c) => c.block === b).every((c) => decisions[c.code] === 'acquired'));
        expect(outcome.titleObtained).toBe(held.length === 4);
        expect(outcome.blocksValidated).toEqual(held);
      }),
    );
  });

  it('DELIB-3: a retake that validates the last block obtains the title', () => {
    const scope = computeScope(ref, retake(['A1', 'A2', 'A3']));
    expect(computeOutcome(ref, scope, decisionsFor(['C16', 'C17', 'C18']))).toMatchObject({ titleObtained: true, result: 'admitted', blocksValidated: BLOCKS });
  });

  it('DELIB-4: every eligible juror of the candidate signs, after the oral', () => {
    const unsigned = grid({ signatures: [{ jurorId: 'j-alex', signedAt: at('2025-06-20T09:00:00Z'), method: 'handwritten' }] });
    expect(messages(checkGrid(unsigned, ctx()))).toEqual([
      "DELIB-4: Sam Bernard has not signed Camille Durand's grid; every juror of the candidate signs it",
      "DELIB-4: Alex Martin signed at 11:00 (UTC+02:00), before Camille Durand's oral ended at 11:05 (UTC+02:00); the jury deliberates at the end of the exam",
    ]);
    expect(checkGrid(grid(), ctx()).ok).toBe(true);
  });

  it('DELIB-4: a juror with a declared conflict cannot sign that candidate\'s grid', () => {
    const g = grid({ signatures: [...grid().signatures, { jurorId: 'j-lou', signedAt: at('2025-06-20T09:22:00Z'), method: 'handwritten' }] });
    expect(messages(checkGrid(g, ctx()))).toEqual(["JURY-4: Lou Petit is not an eligible juror of Camille Durand and cannot sign their grid"]);
  });

  it('DELIB-5: a partial success needs the reasons and the recommendations', () => {
    const decisions = decisionsFor(ALL, ['C1']);
    expect(messages(checkGridDecisions(grid({ decisions }), ctx()))).toEqual([
      "DELIB-5: Camille Durand does not obtain the title: record the jury's reasons",
      "DELIB-5: Camille Durand does not obtain the title: record the jury's recommendations",
    ]);
    expect(checkGridDecisions(grid({ decisions, reasons: 'C1 data sources undocumented', recommendations: 'document the sources' }), ctx()).ok).toBe(true);
  });

  it('DELIB-5: a candidate who obtains the title needs no reasons', () => {
    expect(checkGridDecisions(grid(), ctx())).toEqual({ ok: true, violations: [] });
  });

  it('DELIB-6: no grid before the exam was held', () => {
    expect(messages(checkGrid(grid(), ctx({ examEndedAt: undefined })))).toEqual([
      'DELIB-6: Camille Durand has not sat the exam; the jury decides on the exam, the practical cases and the deliverables',
    ]);
    expect(() => fillGrid(grid(), decisionsFor(ALL), {}, ctx({ examEndedAt: undefined }))).toThrow(GridIncomplete);
  });

  it('DELIB-6: a deliverable missing from the jury set: the competencies it evidences cannot be acquired, and the candidate is still deliberated', () => {
    const caseOne = { id: 'practical-case-1-report', label: 'practical case 1 report', name: 'Rapport du cas pratique 1', modality: 'E2' };
    expect(unacquirableCompetencies(fullScope, [caseOne]).map((c) => c.code)).toEqual(['C8', 'C14']);
    expect(messages(checkGridDecisions(grid(), ctx({ missingDeliverables: [caseOne] })))).toEqual([
      "DELIB-6: C8 cannot be acquired: the jury does not have Camille Durand's practical case 1 report (E2), on which the decision rests",
      "DELIB-6: C14 cannot be acquired: the jury does not have Camille Durand's practical case 1 report (E2), on which the decision rests",
    ]);
    const withoutThem = grid({ decisions: decisionsFor(ALL, ['C8', 'C14']), reasons: 'no practical case 1 report', recommendations: 'hand in the report' });
    expect(checkGridDecisions(withoutThem, ctx({ missingDeliverables: [caseOne] })).ok).toBe(true);
    expect(computeOutcome(ref, fullScope, withoutThem.decisions)).toMatchObject({ result: 'partially-admitted', blocksValidatedNow: ['A1', 'A4'] });
  });


  it('DELIB-7: a competency of a block outside the scope is refused', () => {
    const scope = computeScope(ref, retake(['A1', 'A2', 'A3']));
    const g = grid({ decisions: { ...decisionsFor(['C16', 'C17', 'C18']), C2: 'acquired' } });
    expect(messages(checkGridDecisions(g, ctx({ scope })))).toEqual(["DELIB-7: C2 belongs to block A1, which is not in Camille Durand's scope; remove it"]);
  });

  it('DELIB-1, DELIB-6, DELIB-7: refusals are also said in French, naming the deliverable by its French name', () => {
    const undecided = { ...decisionsFor(ALL) } as Partial<Grid['decisions']>;
    delete undecided.C2;
    delete undecided.C9;
    expect(frenchMessages(checkGridDecisions(grid({ decisions: undecided as Grid['decisions'] }), ctx()))).toEqual([
      'DELIB-1 : C2, C9 ne sont pas encore décidées ; marquez chacune acquise ou non acquise',
    ]);
    const caseOne = { id: 'practical-case-1-report', label: 'practical case 1 report', name: 'Rapport du cas pratique 1', modality: 'E2' };
    expect(frenchMessages(checkGridDecisions(grid(), ctx({ candidateName: 'Alex Martin', missingDeliverables: [caseOne] })))[0]).toBe(
      `DELIB-6 : C8 ne peut pas être acquise : le jury ne dispose pas du livrable "Rapport du cas pratique 1" (E2) d'Alex Martin, sur lequel repose la décision`,
    );
    const scope = computeScope(ref, retake(['A1', 'A2', 'A3']));
    const g = grid({ decisions: { ...decisionsFor(['C16', 'C17', 'C18']), C2: 'acquired' } });
    expect(frenchMessages(checkGridDecisions(g, ctx({ scope })))).toEqual(['DELIB-7 : C2 relève du bloc A1, qui ne fait pas partie du périmètre de Camille Durand ; retirez-la de la grille']);
  });

  it('DELIB-7: the outcome ignores decisions outside the scope', () => {
    const scope = computeScope(ref, retake(['A1', 'A2', 'A3']));
    const outcome = computeOutcome(ref, scope, { ...decisionsFor(['C16', 'C17', 'C18'], ['C16']), C1: 'not_acquired' });
    expect(outcome).toMatchObject({ blocksValidatedNow: [], blocksValidated: ['A1', 'A2', 'A3'], result: 'not-admitted' });
  });

  it('DELIB-4: filling a grid again clears the signatures, which must be given again', () => {
    const filled = fillGrid(grid(), decisionsFor(ALL), {}, ctx());
    expect(filled.signatures).toEqual([]);
    const signed = signGrid(signGrid(filled, grid().signatures[0]!, 'Camille Durand'), grid().signatures[1]!, 'Camille Durand');
    expect(sealGrid(signed, ctx(), at('2025-06-20T09:30:00Z')).sealedAt?.toISOString()).toBe('2025-06-20T09:30:00.000Z');
  });
});
