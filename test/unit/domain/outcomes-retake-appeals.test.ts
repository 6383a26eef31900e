import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommitteeDecision,
  blocksHeld,
  certificateFor,
  checkAppealAdmissible,
  checkAppealInTime,
  checkBlocksKept,
  checkCommitteeDecision,
  checkRegistration,
  checkRetakeEligibility,
  computeScope,
  retakeWithoutTrainingUntil,
  type Appeal,
  type CommitteeDecision,
  type SessionResult,
} from '../../../shared/domain';
import { at, ref, retake } from './fixtures';

const BLOCKS = ref.blocks.map((b) => b.code);

describe('outcomes and retakes', () => {
  it('RETAKE-1: all four blocks give the title and a parchemin', () => {
    expect(certificateFor(ref, BLOCKS)).toMatchObject({ kind: 'parchemin', rncpCode: 'RNCP34757', title: 'Développeur·se en intelligence artificielle' });
  });

  it.each([[['A1']], [['A1', 'A3']], [['A2', 'A3', 'A4']]])('RETAKE-1: blocks %j give a livret listing them', (blocks) => {
    const cert = certificateFor(ref, blocks);
    expect(cert.kind).toBe('livret');
    expect(cert.kind === 'livret' && cert.blocks.map((b) => b.partialCertificationCode)).toEqual(blocks.map((b) => `RNCP34757BC0${b.slice(1)}`));
  });

  it('RETAKE-1: no block validated gives no document, with the reason', () => {
    const cert = certificateFor(ref, []);
    expect(cert.kind === 'none' && cert.reason.message).toBe('RETAKE-1: no block of RNCP34757 is validated, so neither a parchemin nor a livret is issued');
  });

  it('RETAKE-2: property: a retake\'s scope never includes a validated block, and covers every other block whole', () => {
    fc.assert(
      fc.property(fc.subarray(BLOCKS, { minLength: 1, maxLength: 3 }), (validated) => {
        const scope = computeScope(ref, retake(validated));
        const inScope = scope.blocks.map((b) => b.code);
        expect(inScope.some((b) => validated.includes(b))).toBe(false);
        expect(inScope).toEqual(BLOCKS.filter((b) => !validated.includes(b)));
        expect(scope.competencies).toEqual(ref.competencies.filter((c) => inScope.includes(c.block)));
      }),
    );
  });

  it('RETAKE-3: a validated block stays validated for life; only an annulment voids it', () => {
    const records = [
      { candidateId: 'c', blockCode: 'A2', sessionId: 's-2019', sessionDate: '2019-06-01' },
      { candidateId: 'c', blockCode: 'A1', sessionId: 's-2025', sessionDate: '2025-06-01' },
      { candidateId: 'c', blockCode: 'A4', sessionId: 's-bad', sessionDate: '2025-09-01' },
    ];
    expect(blocksHeld(ref, records)).toEqual(['A1', 'A2', 'A4']);
    expect(blocksHeld(ref, records, ['s-bad'])).toEqual(['A1', 'A2']);
    expect(checkBlocksKept(['A1', 'A2'], ['A1']).violations.map((v) => v.message)).toEqual(['RETAKE-3: block A2 was validated and stays validated for life; it cannot be withdrawn']);
    expect(checkBlocksKept(['A1', 'A4'], ['A1'], ['A4']).ok).toBe(true);
  });

  it.each([
    ['2025-03-10', '2026-03-10', false, true],
    ['2025-03-10', '2026-03-11', false, false],
    ['2025-03-10', '2027-01-15', true, true],
    ['2024-02-29', '2025-02-28', false, true],
    ['2024-02-29', '2025-03-01', false, false],
    ['2023-03-01', '2024-02-29', false, true],
    ['2023-03-01', '2024-03-01', false, true],
    ['2023-03-01', '2024-03-02', false, false],
  ])('RETAKE-4: last sat %s, sitting on %s, new training %s: allowed %s', (previous, session, newTraining, allowed) => {
    const result = checkRetakeEligibility({ previousSessionDate: previous, sessionDate: session, newTraining, candidateName: 'Noah Leroy' });
    expect(result.ok).toBe(allowed);
    if (!allowed) expect(result.violations[0]?.message).toBe(`RETAKE-4: Noah Leroy last sat on ${previous}; after ${retakeWithoutTrainingUntil(previous)} a new training is required before sitting again`);
  });

  it('RETAKE-4: across 29 February a year is 366 calendar days: sitting on day 366 is within it, day 367 is not', () => {
    const allowed = (session: string) => checkRetakeEligibility({ previousSessionDate: '2023-03-01', sessionDate: session, newTraining: false, candidateName: 'Noah Leroy' }).ok;
    expect([allowed('2024-02-29'), allowed('2024-03-01'), allowed('2024-03-02')]).toEqual([true, true, false]);
    const commonYear = (session: string) => checkRetakeEligibility({ previousSessionDate: '2025-03-01', sessionDate: session, newTraining: false, candidateName: 'Noah Leroy' }).ok;
    expect([commonYear('2026-03-01'), commonYear('2026-03-02')]).toEqual([true, false]);
  });

  it('RETAKE-4: the earlier session must be before this one', () => {
    for (const previous of ['2025-06-20', '2025-07-01']) {
      const result = checkRetakeEligibility({ previousSessionDate: previous, sessionDate: '2025-06-20', newTraining: true, candidateName: 'Noah Leroy' });
      expect(result.violations.map((v) => v.message)).toEqual([
        `RETAKE-4: Noah Leroy's earlier session on ${previous} is not before this session on 2025-06-20; give the date of the session they last sat`,
      ]);
    }
  });

  it('RETAKE-4, QUAL-1: refusals are also said in French, dates written the French way', () => {
    const late = checkRetakeEligibility({ previousSessionDate: '2024-03-01', sessionDate: '2025-06-20', newTraining: false, candidateName: 'Alex Martin' });
    expect(late.violations.map((v) => v.messageFr)).toEqual([
      "RETAKE-4 : la dernière session d'Alex Martin date du 1er mars 2024 ; après le 1er mars 2025, une nouvelle formation est requise avant de se présenter à nouveau",
    ]);
    const closed = checkAppealInTime(at('2025-08-01T10:00:00Z'), at('2025-07-21T22:00:00Z'), 'Europe/Paris');
    expect(closed.violations.map((v) => v.messageFr)).toEqual([
      "QUAL-1 : le délai de recours contre cette session a pris fin le 22 juillet 2025 à 00:00 (Europe/Paris, UTC+02:00) ; le certificateur accepte les recours jusqu'à cette date",
    ]);
  });

  it('RETAKE-4: applies to anyone sitting again, also with no block validated (the whole title in scope)', () => {
    const nothingHeld = retake([], '2023-01-10');
    expect(checkRegistration(ref, nothingHeld, '2025-06-20', 'Noah Leroy').violations.map((v) => v.ruleId)).toEqual(['RETAKE-4']);
    expect(checkRegistration(ref, retake([], '2025-01-10'), '2025-06-20', 'Noah Leroy').ok).toBe(true);
  });

  it('RETAKE-4: a registration checks both its blocks and its timing', () => {
    const result = checkRegistration(ref, retake(['A1', 'A9'], '2023-01-10'), '2025-06-20', 'Noah Leroy');
    expect(result.violations.map((v) => v.ruleId)).toEqual(['RETAKE-2', 'RETAKE-4']);
  });
});

describe('appeals and the quality committee', () => {
  const registration = { id: 'r1', candidateId: 'c1', sessionId: 's1' };
  const appeal = (ground: string, over: Partial<Appeal> = {}): Appeal => ({ id: 'a', sessionId: 's1', registrationId: 'r1', candidateId: 'c1', ground, statement: 'the questions lasted 45 minutes', filedAt: at('2025-06-25T10:00:00Z'), ...over });

  it.each(['modalities-not-respected', 'durations-not-respected', 'confidentiality-compromised'])('QUAL-1: an appeal on "%s" is admissible', (ground) => {
    expect(checkAppealAdmissible(appeal(ground), registration)).toEqual({ ok: true, violations: [] });
  });

  it('QUAL-1: disagreeing with the result is not a ground for appeal', () => {
    expect(checkAppealAdmissible(appeal('disagree-with-result'), registration).violations.map((v) => v.message)).toEqual([
      'QUAL-1: "disagree-with-result" is not a ground for appeal; a candidate may appeal only when the modalities or durations were not respected or the confidentiality of the exchanges was compromised',
    ]);
  });

  it('QUAL-1: only a registered candidate of the session may appeal, saying what happened', () => {
    const result = checkAppealAdmissible(appeal('durations-not-respected', { candidateId: 'someone-else', statement: ' ' }), registration);
    expect(result.violations.map((v) => v.message)).toEqual(['QUAL-1: only a candidate registered to the session may appeal against it', 'QUAL-1: the appeal must say what happened']);
  });

  const results: SessionResult[] = [
    { sessionId: 's1', registrationId: 'r1', candidateId: 'c1', result: 'admitted', blocksValidatedNow: ['A1', 'A2', 'A3', 'A4'], status: 'standing' },
    { sessionId: 's1', registrationId: 'r2', candidateId: 'c2', result: 'partially-admitted', blocksValidatedNow: ['A1'], status: 'standing' },
    { sessionId: 's0', registrationId: 'r0', candidateId: 'c1', result: 'not-admitted', blocksValidatedNow: [], status: 'standing' },
  ];
  const decision = (over: Partial<CommitteeDecision> = {}): CommitteeDecision => ({
    id: 'd1',
    sessionId: 's1',
    caseIds: ['a'],
    decision: 'annul-session',
    reason: 'a juror left during the second exam (JURY-6)',
    decidedBy: 'committee',
    decidedAt: at('2025-07-01T10:00:00Z'),
    ...over,
  });

  it("QUAL-2: an annulment voids the session's results and keeps the record of why", () => {
    const after = applyCommitteeDecision(results, decision());
    expect(after.map((r) => [r.registrationId, r.status, r.result, r.blocksValidatedNow.length])).toEqual([
      ['r1', 'void', 'admitted', 4],
      ['r2', 'void', 'partially-admitted', 1],
      ['r0', 'standing', 'not-admitted', 0],
    ]);
    expect(after[0]?.annulment).toEqual({ decisionId: 'd1', reason: 'a juror left during the second exam (JURY-6)', decidedAt: at('2025-07-01T10:00:00Z') });
  });

  it('QUAL-2: a decision without annulment leaves results standing; a decision without a reason is refused', () => {
    expect(applyCommitteeDecision(results, decision({ decision: 'no-annulment' })).every((r) => r.status === 'standing')).toBe(true);
    expect(checkCommitteeDecision(decision({ reason: '', caseIds: [] })).violations.map((v) => v.message)).toEqual([
      "QUAL-2: the quality committee's decision must record why",
      'QUAL-2: the quality committee rules on an appeal or a reported breach; name at least one',
    ]);
    expect(() => applyCommitteeDecision(results, decision({ reason: ' ' }))).toThrow(/QUAL-2/);
  });
});
