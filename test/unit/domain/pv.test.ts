import { describe, expect, it } from 'vitest';
import {
  assertSealedUnchanged,
  checkOnePvPerSessionAndTitle,
  completeCounts,
  computeOutcome,
  draftPv,
  PvAlreadyExists,
  PvIncomplete,
  pvMissingElements,
  reportAbsent,
  reportResult,
  sealGrid,
  sealPv,
  SealedRecordImmutable,
  signGrid,
  signPv,
  stampPv,
  type Grid,
  type Pv,
  type PvDraftInput,
} from '../../../shared/domain';
import { alex, at, decisionsFor, fullScope, ref, sam } from './fixtures';

const ALL = ref.competencies.map((c) => c.code);
const signature = { signedAt: at('2025-06-20T17:00:00Z'), method: 'handwritten' as const };
const input: PvDraftInput = {
  id: 'pv-1',
  ref,
  session: { id: 'ses-1', date: '2025-06-20', centreName: 'Simplon Paris', centreAddress: '55 rue de Vincennes, 93100 Montreuil' },
  candidates: [
    { id: 'c1', registrationId: 'r1', firstName: 'Camille', lastName: 'Durand' },
    { id: 'c2', registrationId: 'r2', firstName: 'Noah', lastName: 'Leroy' },
    { id: 'c3', registrationId: 'r3', firstName: 'Inès', lastName: 'Garcia' },
  ],
  jurors: [alex, sam],
  sessionManager: { id: 'm', firstName: 'Ana', lastName: 'Moreau' },
};

function completePv(): Pv {
  let pv = draftPv(input);
  pv = reportResult(pv, 'r1', computeOutcome(ref, fullScope, decisionsFor(ALL)), {});
  pv = reportResult(pv, 'r2', computeOutcome(ref, fullScope, decisionsFor(ALL, ['C17'])), { reasons: 'C17 not shown', recommendations: 'redo the technology watch' });
  pv = reportAbsent(pv, 'r3');
  pv = completeCounts(pv);
  for (const id of ['j-alex', 'j-sam', 'm']) pv = signPv(pv, id, signature);
  return stampPv(pv, { appliedAt: at('2025-06-20T17:05:00Z'), appliedBy: 'm' });
}

const messages = (list: { message: string }[]) => list.map((v) => v.message);

describe('the PV', () => {
  it('PV-1: one PV per session and per title', () => {
    const pv = draftPv(input);
    expect(() => draftPv({ ...input, id: 'pv-2' }, [pv])).toThrow(PvAlreadyExists);
    expect(messages(checkOnePvPerSessionAndTitle([pv, { ...pv, id: 'pv-2' }]).violations)).toEqual(['PV-1: session ses-1 already has PV pv-1 for RNCP34757; there is one PV per session and title']);
    expect(draftPv({ ...input, id: 'pv-3', session: { ...input.session, id: 'ses-2' } }, [pv]).id).toBe('pv-3');
  });

  it('PV-2: part 1 holds the date, name, RNCP number, address and the counts', () => {
    const pv = completePv();
    expect(pv.part1).toEqual({
      sessionId: 'ses-1',
      sessionDate: '2025-06-20',
      certificationName: 'Développeur·se en intelligence artificielle',
      rncpCode: 'RNCP34757',
      centreName: 'Simplon Paris',
      centreAddress: '55 rue de Vincennes, 93100 Montreuil',
      counts: { registered: 3, absent: 1, admitted: 1, partiallyAdmitted: 1, notAdmitted: 0 },
    });
  });

  it('PV-2: counts that do not add up or contradict part 2 are named', () => {
    const pv = completePv();
    const wrong = { ...pv, part1: { ...pv.part1, centreAddress: '', counts: { registered: 3, absent: 0, admitted: 1, partiallyAdmitted: 1, notAdmitted: 0 } } };
    expect(messages(pvMissingElements(wrong))).toEqual([
      "PV-2: part 1 lacks the organising centre's address",
      'PV-2: part 1 counts do not add up: 0 absent + 1 admitted + 1 partially admitted + 0 not admitted = 2, not 3 registered',
      'PV-2: part 1 says 0 absent but part 2 shows 1',
    ]);
  });

  it('PV-3: part 2 lists every registered candidate, absent ones included, with reasons for partial success', () => {
    const pv = completePv();
    expect(pv.part2.map((r) => [r.lastName, r.result, r.blocksValidated, r.reasons])).toEqual([
      ['Durand', 'admitted', ['A1', 'A2', 'A3', 'A4'], undefined],
      ['Leroy', 'partially-admitted', ['A1', 'A2', 'A3'], 'C17 not shown'],
      ['Garcia', 'absent', [], undefined],
    ]);
    const noReasons = reportResult(draftPv(input), 'r2', computeOutcome(ref, fullScope, decisionsFor(ALL, ['C1'])), {});
    expect(messages(pvMissingElements(noReasons)).filter((m) => m.startsWith('PV-3'))).toEqual([
      "PV-3: part 2 lacks Camille Durand's result",
      "PV-3: part 2 lacks the jury's reasons for Noah Leroy",
      "PV-3: part 2 lacks the jury's recommendations for Noah Leroy",
      "PV-3: part 2 lacks Inès Garcia's result",
    ]);
  });

  it('PV-4: part 3 needs every juror, the session manager and the stamp', () => {
    let pv = completeCounts(reportAbsent(reportAbsent(reportAbsent(draftPv(input), 'r1'), 'r2'), 'r3'));
    pv = signPv(pv, 'j-alex', signature);
    expect(messages(pvMissingElements(pv))).toEqual([
      'PV-4: part 3 lacks the signature of Sam Bernard (juror)',
      'PV-4: part 3 lacks the signature of Ana Moreau (session manager)',
      "PV-4: part 3 lacks the organising centre's stamp",
    ]);
    expect(() => signPv(pv, 'stranger', signature)).toThrow(/PV-4: stranger is neither a juror of this session nor its session manager/);
  });

  it('PV-5: before the session part 1 and the names are filled, results and counts later', () => {
    const draft = draftPv(input);
    expect(draft.part1.counts).toBeUndefined();
    expect(draft.part2.map((r) => [r.firstName, r.lastName, r.result])).toEqual([
      ['Camille', 'Durand', undefined],
      ['Noah', 'Leroy', undefined],
      ['Inès', 'Garcia', undefined],
    ]);
    expect(draft.part3.jurors.every((j) => j.signature === undefined)).toBe(true);
    const after = reportResult(draft, 'r1', computeOutcome(ref, fullScope, decisionsFor(ALL)), {});
    expect(after.part2[0]?.result).toBe('admitted');
    expect(() => reportResult(draft, 'r9', computeOutcome(ref, fullScope, decisionsFor(ALL)), {})).toThrow(/PV-3: registration r9 is not on PV pv-1/);
  });

  it('PV-6: sealing an incomplete PV is refused with the list of what is missing', () => {
    const pv = draftPv(input);
    try {
      sealPv(pv, at('2025-06-20T18:00:00Z'));
      expect.unreachable('an incomplete PV was sealed');
    } catch (e) {
      expect(e).toBeInstanceOf(PvIncomplete);
      const err = e as PvIncomplete;
      expect(err.ruleIds[0]).toBe('PV-6');
      expect(err.violations[0]?.message).toBe('PV-6: PV pv-1 cannot be sealed: 8 elements are missing, and the quality committee does not validate an incomplete or unsigned PV');
      expect(new Set(err.ruleIds)).toEqual(new Set(['PV-6', 'PV-2', 'PV-3', 'PV-4']));
    }
  });

  it('PV-6: a complete PV seals', () => {
    expect(pvMissingElements(completePv())).toEqual([]);
    expect(sealPv(completePv(), at('2025-06-20T18:00:00Z')).sealedAt?.toISOString()).toBe('2025-06-20T18:00:00.000Z');
  });

  it.each<[string, (pv: Pv) => unknown]>([
    ['signing', (pv) => signPv(pv, 'j-alex', signature)],
    ['stamping', (pv) => stampPv(pv, { appliedAt: at('2025-06-21T10:00:00Z'), appliedBy: 'm' })],
    ['reporting a result', (pv) => reportResult(pv, 'r1', computeOutcome(ref, fullScope, decisionsFor(ALL, ['C1'])), { reasons: 'x', recommendations: 'y' })],
    ['marking absent', (pv) => reportAbsent(pv, 'r1')],
    ['recounting', (pv) => completeCounts(pv)],
    ['sealing again', (pv) => sealPv(pv, at('2025-06-22T10:00:00Z'))],
  ])('PV-7: %s a sealed PV is refused', (_name, change) => {
    const sealed = sealPv(completePv(), at('2025-06-20T18:00:00Z'));
    expect(() => change(sealed)).toThrow(SealedRecordImmutable);
    expect(() => change(sealed)).toThrow(/PV-7: PV pv-1 was sealed on 2025-06-20T18:00:00.000Z/);
  });

  it('PV-7: storing a sealed PV with any difference is refused; an identical copy is fine', () => {
    const sealed = sealPv(completePv(), at('2025-06-20T18:00:00Z'));
    const edited = { ...sealed, part2: sealed.part2.map((r) => ({ ...r, reasons: 'rewritten' })) };
    const name = { en: 'PV pv-1', fr: 'le PV pv-1' };
    expect(() => assertSealedUnchanged(sealed, edited, name)).toThrow(SealedRecordImmutable);
    expect(() => assertSealedUnchanged(sealed, structuredClone(sealed), name)).not.toThrow();
    const unsealed = completePv();
    expect(() => assertSealedUnchanged(unsealed, edited, name)).not.toThrow();
  });

  it('PV-6, PV-7: refusals are also said in French', () => {
    const sealed = sealPv(completePv(), at('2025-06-20T18:00:00Z'));
    const refusal = (change: () => unknown) => {
      try {
        change();
      } catch (error) {
        return error as PvIncomplete;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => stampPv(sealed, { appliedAt: at('2025-06-21T09:00:00Z'), appliedBy: 'mgr' })).violations.map((v) => v.messageFr)).toEqual([
      'PV-7 : le PV pv-1 est sous scellé depuis le 20 juin 2025 à 18:00 (UTC, UTC+00:00) : son contenu est conservé sans altération et ne peut plus être modifié',
    ]);
    const incomplete = refusal(() => sealPv(draftPv(input), at('2025-06-20T18:00:00Z')));
    expect(incomplete.sentence.fr).toMatch(
      /^PV-6 : le PV pv-1 ne peut pas être scellé : \d+ éléments manquent, et le comité qualité ne valide pas un PV incomplet ou non signé ; PV-2 : la partie 1 ne mentionne pas le nombre de candidats inscrits/,
    );
  });

  it('PV-7: a sealed grid is never altered', () => {
    const g: Grid = {
      id: 'g',
      sessionId: 'ses-1',
      registrationId: 'r1',
      decisions: decisionsFor(ALL),
      signatures: [
        { jurorId: 'j-alex', signedAt: at('2025-06-20T09:20:00Z'), method: 'handwritten' },
        { jurorId: 'j-sam', signedAt: at('2025-06-20T09:20:00Z'), method: 'handwritten' },
      ],
    };
    const ctx = { ref, scope: fullScope, candidateName: 'Camille Durand', eligibleJurorIds: ['j-alex', 'j-sam'], jurorNames: {}, examEndedAt: at('2025-06-20T09:05:00Z'), timeZone: 'Europe/Paris', missingDeliverables: [] };
    const sealed = sealGrid(g, ctx, at('2025-06-20T09:30:00Z'));
    expect(() => signGrid(sealed, { jurorId: 'j-alex', signedAt: at('2025-06-21T09:00:00Z'), method: 'handwritten' }, 'Camille Durand')).toThrow(/^PV-7: Camille Durand's grid was sealed/);
  });
});
