import { describe, expect, it } from 'vitest';
import { checkHolderIdentity, cpfPassages, type CpfResult, type HolderIdentity } from '../../../shared/domain';
import { cpfExportQuery, holderIdentityBody } from '../../../shared/schemas/cpf-schemas';
import { ref, toy } from './fixtures';

const ELOISE: HolderIdentity = {
  birthName: 'Lefèvre',
  firstNames: ['Éloïse', 'Anaïs'],
  birthDate: '1996-03-07',
  sex: 'F',
  birthplace: { city: 'Saint-Étienne', inseeCode: '42218' },
};

const result = (overrides: Partial<CpfResult> = {}): CpfResult => ({
  registrationId: 'reg-1',
  userId: 'user-1',
  titleCode: 'RNCP34757',
  sessionDate: '2027-06-10',
  sealed: true,
  annulled: false,
  result: 'admitted',
  blocksValidatedNow: ['A1', 'A2', 'A3', 'A4'],
  holder: ELOISE,
  ...overrides,
});

const codes = (results: CpfResult[]) => cpfPassages(ref, results).passages.map((p) => p.certificationCode);

describe('CPF export: which certifications are reported', () => {
  it('CPF export: RETAKE-1: an admitted candidate is reported once, for the title RNCP34757 only', () => {
    const { passages, skipped } = cpfPassages(ref, [result()]);
    expect(skipped).toEqual([]);
    expect(passages).toEqual([{ id: 'reg-1-RNCP34757', certificationCode: 'RNCP34757', obtainedOn: '2027-06-10', holder: ELOISE, registrationId: 'reg-1' }]);
  });

  it('CPF export: RETAKE-1: a retake that completes the title is reported for the title, not for the blocks validated that day', () => {
    expect(codes([result({ result: 'admitted', blocksValidatedNow: ['A4'] })])).toEqual(['RNCP34757']);
  });

  it('CPF export: RETAKE-1: a partial success is reported once per block validated in that session, under its partial-certification code', () => {
    const { passages } = cpfPassages(ref, [result({ result: 'partially-admitted', blocksValidatedNow: ['A3', 'A1'] })]);
    expect(passages.map((p) => [p.id, p.certificationCode])).toEqual([
      ['reg-1-RNCP34757BC01', 'RNCP34757BC01'],
      ['reg-1-RNCP34757BC03', 'RNCP34757BC03'],
    ]);
  });

  it('CPF export: RETAKE-1: the partial-certification codes come from the referential, not from RNCP34757', () => {
    const { passages } = cpfPassages(toy, [result({ titleCode: 'RNCP99999', result: 'partially-admitted', blocksValidatedNow: ['B2'] })]);
    expect(passages.map((p) => p.certificationCode)).toEqual(['RNCP99999BC02']);
  });

  it.each(['not-admitted', 'absent'] as const)('CPF export: RETAKE-1: a candidate %s is not reported, and needs no identity', (outcome) => {
    expect(cpfPassages(ref, [result({ result: outcome, blocksValidatedNow: [], holder: undefined })])).toEqual({ passages: [], skipped: [] });
  });

  it('CPF export: RETAKE-1: a partial success with no block validated in that session reports nothing', () => {
    expect(cpfPassages(ref, [result({ result: 'partially-admitted', blocksValidatedNow: [] })])).toEqual({ passages: [], skipped: [] });
  });

  it('CPF export: QUAL-2: results of an annulled session are never exported, sealed or not, whatever the outcome', () => {
    const annulled = [
      result({ registrationId: 'a', annulled: true }),
      result({ registrationId: 'b', annulled: true, result: 'partially-admitted', blocksValidatedNow: ['A2'] }),
      result({ registrationId: 'c', annulled: true, sealed: false }),
      result({ registrationId: 'd', annulled: true, holder: undefined }),
    ];
    expect(cpfPassages(ref, annulled)).toEqual({ passages: [], skipped: [] });
    expect(codes([...annulled, result({ registrationId: 'e' })])).toEqual(['RNCP34757']);
  });

  it('CPF export: PV-7: results of a session whose PV is not sealed are not exported', () => {
    expect(cpfPassages(ref, [result({ sealed: false }), result({ sealed: false, result: 'partially-admitted', blocksValidatedNow: ['A1'] })])).toEqual({ passages: [], skipped: [] });
  });
});

describe('CPF export: holders whose identity is missing or invalid', () => {
  it('CPF export: CPF-1: a result without a holder identity is skipped, with the field named', () => {
    const { passages, skipped } = cpfPassages(ref, [result({ registrationId: 'reg-9', holder: undefined }), result({ registrationId: 'reg-2' })]);
    expect(passages.map((p) => p.registrationId)).toEqual(['reg-2']);
    expect(skipped).toEqual([
      {
        registrationId: 'reg-9',
        reason: {
          ruleId: 'CPF-1',
          message: "CPF-1: registration reg-9 cannot be reported to the CPF: holder is missing, and the Caisse des Dépôts needs the holder's identity",
          messageFr: "CPF-1 : l'inscription reg-9 ne peut pas être déclarée au CPF : holder est manquant, et la Caisse des Dépôts a besoin de l'identité du titulaire",
        },
      },
    ]);
  });

  it('CPF export: CPF-1: a result with an invalid identity is skipped, naming every field to fix', () => {
    const holder = { ...ELOISE, birthName: ' ', firstNames: [], birthplace: { city: 'Lyon' } };
    const { passages, skipped } = cpfPassages(ref, [result({ holder })]);
    expect(passages).toEqual([]);
    expect(skipped[0]?.reason.message).toBe(
      'CPF-1: registration reg-1 cannot be reported to the CPF: holder.birthName must be 1 to 60 characters; holder.firstNames must list 1 to 3 first names; holder.birthplace needs inseeCode (born in France) or countryCode (born abroad)',
    );
  });

  it('CPF export: CPF-1: a holder born after the session day is refused', () => {
    const { skipped } = cpfPassages(ref, [result({ holder: { ...ELOISE, birthDate: '2027-06-11' } })]);
    expect(skipped[0]?.reason.message).toContain('holder.birthDate 2027-06-11 is after 2027-06-10');
  });

  it('CPF export: CPF-1: the refusal is also said in French, every field joined, dates written the French way', () => {
    const holder = { ...ELOISE, firstNames: [], birthDate: '2027-06-11' };
    const { skipped } = cpfPassages(ref, [result({ holder })]);
    expect(skipped[0]?.reason.messageFr).toBe(
      "CPF-1 : l'inscription reg-1 ne peut pas être déclarée au CPF : holder.firstNames doit comporter de 1 à 3 prénoms ; holder.birthDate 11 juin 2027 est postérieure au 10 juin 2027",
    );
  });

  it('CPF export: CPF-1: a block the title does not define, or a result of another title, is skipped rather than guessed', () => {
    const { skipped } = cpfPassages(ref, [
      result({ registrationId: 'r-1', result: 'partially-admitted', blocksValidatedNow: ['A9'] }),
      result({ registrationId: 'r-2', titleCode: 'RNCP99999' }),
    ]);
    expect(skipped.map((s) => s.reason.message)).toEqual([
      'CPF-1: registration r-1 lists block A9 in blocksValidatedNow, which RNCP34757 does not define',
      'CPF-1: registration r-2 is for RNCP99999, not RNCP34757',
    ]);
  });

  it('CPF export: CPF-1: idTechnique stays within 255 characters: an over-long registration id is skipped', () => {
    const { passages, skipped } = cpfPassages(ref, [result({ registrationId: 'x'.repeat(246) }), result({ registrationId: 'y'.repeat(245) })]);
    expect(passages.map((p) => p.id.length)).toEqual([255]);
    expect(skipped.map((s) => s.registrationId)).toEqual(['x'.repeat(246)]);
  });

  it('CPF export: CPF-1: a complete identity passes, born in France or abroad', () => {
    expect(checkHolderIdentity(ELOISE, '2027-06-10')).toEqual({ ok: true, violations: [] });
    const abroad: HolderIdentity = { birthName: "N'Diaye", usageName: 'Martin', firstNames: ['Awa', 'Fatou', 'Marie'], birthDate: '2000-02-29', sex: 'F', birthplace: { city: 'Dakar', countryCode: '99341' } };
    expect(checkHolderIdentity(abroad, '2027-06-10').ok).toBe(true);
    expect(checkHolderIdentity({ ...ELOISE, birthplace: { city: 'Ajaccio', inseeCode: '2A004' } }, '2027-06-10').ok).toBe(true);
  });

  it.each<[string, Partial<HolderIdentity>, string]>([
    ['an empty birth name', { birthName: '' }, 'holder.birthName must be 1 to 60 characters'],
    ['a birth name over 60 characters', { birthName: 'L'.repeat(61) }, 'holder.birthName must be 1 to 60 characters'],
    ['a blank usage name', { usageName: '  ' }, 'holder.usageName must be 1 to 60 characters'],
    ['four first names', { firstNames: ['A', 'B', 'C', 'D'] }, 'holder.firstNames must list 1 to 3 first names'],
    ['an empty second first name', { firstNames: ['Éloïse', ''] }, 'holder.firstNames[1] must be 1 to 60 characters'],
    ['a control character', { birthName: 'Lef\u0007vre' }, 'holder.birthName contains a control character'],
    ['30 February', { birthDate: '1996-02-30' }, 'holder.birthDate "1996-02-30" is not a calendar date written YYYY-MM-DD'],
    ['a French date', { birthDate: '07/03/1996' }, 'holder.birthDate "07/03/1996" is not a calendar date written YYYY-MM-DD'],
    ['a birth date in the future', { birthDate: '2027-06-11' }, 'holder.birthDate 2027-06-11 is after 2027-06-10'],
    ['a birth before 1900', { birthDate: '1899-12-31' }, 'holder.birthDate 1899-12-31 is before 1900, which the CPF does not accept'],
    ['sex X', { sex: 'X' as 'M' }, 'holder.sex "X" must be M or F'],
    ['no city', { birthplace: { city: '', inseeCode: '42218' } }, 'holder.birthplace.city must be 1 to 60 characters'],
    ['neither code', { birthplace: { city: 'Lyon' } }, 'holder.birthplace needs inseeCode (born in France) or countryCode (born abroad)'],
    [
      'both codes',
      { birthplace: { city: 'Lyon', inseeCode: '69123', countryCode: '99109' } },
      'holder.birthplace gives both inseeCode and countryCode; keep inseeCode for a birth in France, countryCode for a birth abroad',
    ],
    ['a 4-digit INSEE code', { birthplace: { city: 'Lyon', inseeCode: '6912' } }, `holder.birthplace.inseeCode "6912" must be the commune's INSEE code: 5 characters, digits or 2A/2B for Corsica`],
    ['a country code as INSEE code', { birthplace: { city: 'Berlin', inseeCode: '99109' } }, `holder.birthplace.inseeCode "99109" must be the commune's INSEE code: 5 characters, digits or 2A/2B for Corsica`],
    ['a 3-digit country code', { birthplace: { city: 'Berlin', countryCode: '109' } }, 'holder.birthplace.countryCode "109" must be an INSEE country code: 99 and 3 digits, e.g. 99109 for Germany'],
    ['France as country of birth', { birthplace: { city: 'Lyon', countryCode: '99100' } }, "holder.birthplace.countryCode 99100 is France; for a birth in France give the commune's inseeCode"],
  ])('CPF export: CPF-1: %s is refused, naming the field', (_, change, message) => {
    expect(checkHolderIdentity({ ...ELOISE, ...change }, '2027-06-10').violations).toEqual([expect.objectContaining({ ruleId: 'CPF-1', message: `CPF-1: ${message}` })]);
  });
});

describe('CPF export: deterministic and stable output', () => {
  const mixed = [
    result({ registrationId: 'reg-c', sessionDate: '2027-06-10', result: 'partially-admitted', blocksValidatedNow: ['A4', 'A2'] }),
    result({ registrationId: 'reg-b', sessionDate: '2027-03-02' }),
    result({ registrationId: 'reg-a', sessionDate: '2027-06-10' }),
    result({ registrationId: 'reg-z', holder: undefined }),
    result({ registrationId: 'reg-d', sessionDate: '2027-03-02', result: 'partially-admitted', blocksValidatedNow: ['A2'] }),
    result({ registrationId: 'reg-y', holder: undefined }),
  ];

  it('CPF export: RETAKE-1: passages are ordered by certification code, then day obtained, then registration; skipped ones by registration', () => {
    const { passages, skipped } = cpfPassages(ref, mixed);
    expect(passages.map((p) => `${p.certificationCode} ${p.obtainedOn} ${p.registrationId}`)).toEqual([
      'RNCP34757 2027-03-02 reg-b',
      'RNCP34757 2027-06-10 reg-a',
      'RNCP34757BC02 2027-03-02 reg-d',
      'RNCP34757BC02 2027-06-10 reg-c',
      'RNCP34757BC04 2027-06-10 reg-c',
    ]);
    expect(skipped.map((s) => s.registrationId)).toEqual(['reg-y', 'reg-z']);
  });

  it('CPF export: RETAKE-1: the same results in any order give the same export, with the same idTechnique values', () => {
    const once = cpfPassages(ref, mixed);
    expect(cpfPassages(ref, [...mixed].reverse())).toEqual(once);
    expect(once.passages.map((p) => p.id)).toEqual(['reg-b-RNCP34757', 'reg-a-RNCP34757', 'reg-d-RNCP34757BC02', 'reg-c-RNCP34757BC02', 'reg-c-RNCP34757BC04']);
    expect(new Set(once.passages.map((p) => p.id)).size).toBe(once.passages.length);
  });

  it('CPF export: RETAKE-3: a block validated in an earlier export keeps its idTechnique when a later session adds another block', () => {
    const first = cpfPassages(ref, [result({ registrationId: 'reg-1', sessionDate: '2027-03-02', result: 'partially-admitted', blocksValidatedNow: ['A1'] })]);
    const second = cpfPassages(ref, [
      result({ registrationId: 'reg-1', sessionDate: '2027-03-02', result: 'partially-admitted', blocksValidatedNow: ['A1'] }),
      result({ registrationId: 'reg-7', sessionDate: '2027-09-14', result: 'partially-admitted', blocksValidatedNow: ['A2'] }),
    ]);
    expect(second.passages.map((p) => p.id)).toEqual([...first.passages.map((p) => p.id), 'reg-7-RNCP34757BC02']);
  });
});

describe('CPF export: request schemas', () => {
  it('CPF export: CPF-1: the holder identity body accepts a complete identity and types as HolderIdentity', () => {
    const parsed: HolderIdentity = holderIdentityBody.parse({ ...ELOISE, birthName: '  Lefèvre ' });
    expect(parsed).toEqual(ELOISE);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a fourth first name', { firstNames: ['A', 'B', 'C', 'D'] }, 'at most 3 first names: the CPF holds 3'],
    ['sex X', { sex: 'X' }, 'M or F, as the civil status records it'],
    ['both birthplace codes', { birthplace: { city: 'Lyon', inseeCode: '69123', countryCode: '99109' } }, 'give exactly one of inseeCode (born in France) and countryCode (born abroad)'],
    ['a country code given as inseeCode', { birthplace: { city: 'Berlin', inseeCode: '99109' } }, 'a commune code; 99xxx is a country code, give it as countryCode'],
    ['a 61-character birth name', { birthName: 'L'.repeat(61) }, "the birth name, at most 60 characters: the CPF's limit"],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'a birth date from 1900-01-01'],
  ])('CPF export: CPF-1: the holder identity body refuses %s, saying what is allowed', (_, change, message) => {
    const parsed = holderIdentityBody.safeParse({ ...ELOISE, ...change });
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('CPF export: CPF-1: the holder identity body refuses fields it does not know, such as a social security number', () => {
    expect(holderIdentityBody.safeParse({ ...ELOISE, nir: '1960342218001' }).success).toBe(false);
  });

  it('CPF export: the holder identity fields say why the Caisse des Dépôts needs them', () => {
    for (const [field, schema] of Object.entries(holderIdentityBody.shape)) {
      expect(schema.description, field).toContain("required by the Caisse des Dépôts to report the certification to the holder's CPF account");
    }
  });

  it('CPF export: the export query defaults to RNCP34757 and covers at most 366 days, from before to', () => {
    expect(cpfExportQuery.parse({ from: '2028-01-01', to: '2028-12-31' })).toEqual({ titleCode: 'RNCP34757', from: '2028-01-01', to: '2028-12-31' });
    const tooLong = cpfExportQuery.safeParse({ from: '2027-01-01', to: '2028-01-02' });
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(['the period covers at most 366 days; split a longer one']);
    const reversed = cpfExportQuery.safeParse({ from: '2027-06-10', to: '2027-06-09' });
    expect(reversed.error?.issues.map((i) => i.message)).toEqual(['to must not be before from']);
    expect(cpfExportQuery.safeParse({ titleCode: '34757', from: '2027-06-10', to: '2027-06-10' }).success).toBe(false);
  });
});
