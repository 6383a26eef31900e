import { checkOf, type Check } from './check';
import { compareIsoDates, describeDate, isIsoDate, type IsoDate } from './dates';
import { violation, type Violation } from './errors';
import type { Sentence } from './sentence';
import type { Referential } from './referential/schema';

/**
 * Who holds a certification, as the Caisse des Dépôts needs it to report the certification
 * to the holder's CPF account ("accrochage certificateur"). Names are as the civil status
 * writes them, accents kept.
 */
export interface HolderIdentity {
  birthName: string;
  usageName?: string;
  /** 1 to 3 first names, in civil-status order. */
  firstNames: string[];
  /** `YYYY-MM-DD`. */
  birthDate: IsoDate;
  sex: 'M' | 'F';
  /** Exactly one of `inseeCode` (born in France) and `countryCode` (born abroad). */
  birthplace: {
    city: string;
    /** The commune's INSEE code, 5 characters (digits, or 2A/2B for Corsica): born in France. */
    inseeCode?: string;
    /** The INSEE country code, 99 and 3 digits (99109 for Germany): born abroad. */
    countryCode?: string;
  };
}

/** One candidate's result in one session, as the CPF export reads it. */
export interface CpfResult {
  registrationId: string;
  userId: string;
  titleCode: string;
  /** The session day: the day the jury's decision takes effect. */
  sessionDate: IsoDate;
  /** Whether the session's PV is sealed (PV-7): only sealed results are final. */
  sealed: boolean;
  /** Whether the quality committee annulled the session (QUAL-2): its results are void. */
  annulled: boolean;
  result: 'admitted' | 'partially-admitted' | 'not-admitted' | 'absent';
  /** Block codes (A1..A4) validated in this session, not before. */
  blocksValidatedNow: string[];
  holder?: HolderIdentity;
}

/** One certification obtained, as one `passageCertification` of the CPF flux. */
export interface CpfPassage {
  /** The flux's `idTechnique`: `<registrationId>-<certificationCode>`, stable across exports, at most 255 characters. */
  id: string;
  /** The title's RNCP code (RNCP34757) or a block's partial-certification code (RNCP34757BC01). */
  certificationCode: string;
  /** The day the certification was obtained: the session day. */
  obtainedOn: IsoDate;
  holder: HolderIdentity;
  registrationId: string;
}

/** What {@link cpfPassages} reports, and why some results could not be. */
export interface CpfSelection {
  passages: CpfPassage[];
  skipped: Array<{ registrationId: string; reason: Violation }>;
}

const RULE = 'CPF-1';
const MAX_NAME = 60;
const MAX_ID_TECHNIQUE = 255;
const INSEE_COMMUNE = /^(?:\d{2}|2[AB])\d{3}$/;
const INSEE_COUNTRY = /^99\d{3}$/;
const FRANCE_COUNTRY_CODE = '99100';
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;

function textProblem(field: string, value: unknown, required: boolean): Sentence | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_NAME) {
    return { en: `${field} must be 1 to ${MAX_NAME} characters`, fr: `${field} doit compter de 1 à ${MAX_NAME} caractères` };
  }
  if (CONTROL_CHARACTER.test(value)) return { en: `${field} contains a control character`, fr: `${field} contient un caractère de contrôle` };
  return undefined;
}

function birthDateProblems(birthDate: unknown, today: IsoDate): Sentence[] {
  if (typeof birthDate !== 'string' || !isIsoDate(birthDate)) {
    return [{ en: `holder.birthDate "${String(birthDate)}" is not a calendar date written YYYY-MM-DD`, fr: `holder.birthDate "${String(birthDate)}" n'est pas une date écrite AAAA-MM-JJ` }];
  }
  if (birthDate < '1900-01-01') {
    return [{ en: `holder.birthDate ${birthDate} is before 1900, which the CPF does not accept`, fr: `holder.birthDate ${describeDate(birthDate, 'fr')} est antérieure à 1900, ce que le CPF n'accepte pas` }];
  }
  if (compareIsoDates(birthDate, today) > 0) {
    return [{ en: `holder.birthDate ${birthDate} is after ${today}`, fr: `holder.birthDate ${describeDate(birthDate, 'fr')} est postérieure au ${describeDate(today, 'fr')}` }];
  }
  return [];
}

function birthplaceProblems(birthplace: HolderIdentity['birthplace'] | undefined): Sentence[] {
  if (!birthplace) return [{ en: 'holder.birthplace is missing', fr: 'holder.birthplace est manquant' }];
  const found: Sentence[] = [];
  const city = textProblem('holder.birthplace.city', birthplace.city, true);
  if (city) found.push(city);
  const { inseeCode, countryCode } = birthplace;
  if (inseeCode === undefined && countryCode === undefined) {
    found.push({
      en: 'holder.birthplace needs inseeCode (born in France) or countryCode (born abroad)',
      fr: "holder.birthplace doit indiquer inseeCode (né en France) ou countryCode (né à l'étranger)",
    });
  } else if (inseeCode !== undefined && countryCode !== undefined) {
    found.push({
      en: 'holder.birthplace gives both inseeCode and countryCode; keep inseeCode for a birth in France, countryCode for a birth abroad',
      fr: "holder.birthplace indique à la fois inseeCode et countryCode ; gardez inseeCode pour une naissance en France, countryCode pour une naissance à l'étranger",
    });
  } else if (inseeCode !== undefined) {
    if (!INSEE_COMMUNE.test(inseeCode) || INSEE_COUNTRY.test(inseeCode)) {
      found.push({
        en: `holder.birthplace.inseeCode "${inseeCode}" must be the commune's INSEE code: 5 characters, digits or 2A/2B for Corsica`,
        fr: `holder.birthplace.inseeCode "${inseeCode}" doit être le code INSEE de la commune : 5 caractères, des chiffres ou 2A/2B pour la Corse`,
      });
    }
  } else if (!INSEE_COUNTRY.test(countryCode!)) {
    found.push({
      en: `holder.birthplace.countryCode "${countryCode}" must be an INSEE country code: 99 and 3 digits, e.g. 99109 for Germany`,
      fr: `holder.birthplace.countryCode "${countryCode}" doit être un code pays INSEE : 99 suivi de 3 chiffres, par exemple 99109 pour l'Allemagne`,
    });
  } else if (countryCode === FRANCE_COUNTRY_CODE) {
    found.push({
      en: `holder.birthplace.countryCode ${FRANCE_COUNTRY_CODE} is France; for a birth in France give the commune's inseeCode`,
      fr: `holder.birthplace.countryCode ${FRANCE_COUNTRY_CODE} désigne la France ; pour une naissance en France, indiquez le code INSEE de la commune (inseeCode)`,
    });
  }
  return found;
}

function identityProblems(identity: HolderIdentity, today: IsoDate): Sentence[] {
  const found: Sentence[] = [];
  const push = (problem: Sentence | undefined) => {
    if (problem) found.push(problem);
  };
  push(textProblem('holder.birthName', identity.birthName, true));
  push(textProblem('holder.usageName', identity.usageName, false));
  const firstNames: unknown = identity.firstNames;
  if (!Array.isArray(firstNames) || firstNames.length < 1 || firstNames.length > 3) {
    found.push({ en: 'holder.firstNames must list 1 to 3 first names', fr: 'holder.firstNames doit comporter de 1 à 3 prénoms' });
  } else {
    firstNames.forEach((name, i) => push(textProblem(`holder.firstNames[${i}]`, name, true)));
  }
  found.push(...birthDateProblems(identity.birthDate, today));
  if (identity.sex !== 'M' && identity.sex !== 'F') found.push({ en: `holder.sex "${String(identity.sex)}" must be M or F`, fr: `holder.sex "${String(identity.sex)}" doit valoir M ou F` });
  found.push(...birthplaceProblems(identity.birthplace));
  return found;
}

/**
 * Checks that a holder's identity is complete enough for the Caisse des Dépôts to report a
 * certification to the holder's CPF account: names of 1 to 60 characters, 1 to 3 first names,
 * a real birth date from 1900 and not after `today`, sex M or F, and a birthplace with a city and
 * exactly one of an INSEE commune code (born in France) or an INSEE country code 99xxx (born
 * abroad). Each violation (CPF-1, a project rule: the CDC publishes no rule IDs) names the field.
 */
export function checkHolderIdentity(identity: HolderIdentity, today: IsoDate): Check {
  return checkOf(identityProblems(identity, today).map((problem) => violation(RULE, problem)));
}

function certificationCodes(ref: Referential, result: CpfResult): string[] | Violation {
  if (result.result === 'admitted') return [ref.rncpCode]; // RETAKE-1
  const codes: string[] = [];
  for (const blockCode of result.blocksValidatedNow) {
    const block = ref.blocks.find((b) => b.code === blockCode);
    if (!block) {
      return violation(RULE, {
        en: `registration ${result.registrationId} lists block ${blockCode} in blocksValidatedNow, which ${ref.rncpCode} does not define`,
        fr: `l'inscription ${result.registrationId} indique le bloc ${blockCode} dans blocksValidatedNow, que ${ref.rncpCode} ne définit pas`,
      });
    }
    codes.push(block.partialCertificationCode); // RETAKE-1
  }
  return [...new Set(codes)];
}

function selectResult(ref: Referential, result: CpfResult): CpfPassage[] | Violation {
  if (result.result !== 'admitted' && result.result !== 'partially-admitted') return [];
  const registration = `registration ${result.registrationId}`;
  const inscription = `l'inscription ${result.registrationId}`;
  if (result.titleCode !== ref.rncpCode) return violation(RULE, { en: `${registration} is for ${result.titleCode}, not ${ref.rncpCode}`, fr: `${inscription} concerne ${result.titleCode}, et non ${ref.rncpCode}` });
  const codes = certificationCodes(ref, result);
  if (!Array.isArray(codes)) return codes;
  if (codes.length === 0) return [];
  if (!isIsoDate(result.sessionDate)) {
    return violation(RULE, {
      en: `${registration} has sessionDate "${result.sessionDate}", which is not a calendar date written YYYY-MM-DD`,
      fr: `${inscription} a pour sessionDate "${result.sessionDate}", qui n'est pas une date écrite AAAA-MM-JJ`,
    });
  }
  const longest = Math.max(...codes.map((code) => code.length));
  if (result.registrationId.length + 1 + longest > MAX_ID_TECHNIQUE) {
    return violation(RULE, {
      en: `${registration}: registrationId is too long for the CPF's idTechnique, which holds at most ${MAX_ID_TECHNIQUE} characters`,
      fr: `${inscription} : registrationId est trop long pour l'idTechnique du CPF, limité à ${MAX_ID_TECHNIQUE} caractères`,
    });
  }
  if (!result.holder) {
    return violation(RULE, {
      en: `${registration} cannot be reported to the CPF: holder is missing, and the Caisse des Dépôts needs the holder's identity`,
      fr: `${inscription} ne peut pas être déclarée au CPF : holder est manquant, et la Caisse des Dépôts a besoin de l'identité du titulaire`,
    });
  }
  const problems = identityProblems(result.holder, result.sessionDate);
  if (problems.length > 0) {
    return violation(RULE, {
      en: `${registration} cannot be reported to the CPF: ${problems.map((p) => p.en).join('; ')}`,
      fr: `${inscription} ne peut pas être déclarée au CPF : ${problems.map((p) => p.fr).join(' ; ')}`,
    });
  }
  const holder = result.holder;
  return codes.map((certificationCode) => ({
    id: `${result.registrationId}-${certificationCode}`,
    certificationCode,
    obtainedOn: result.sessionDate,
    holder,
    registrationId: result.registrationId,
  }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders passages by certification code, then day obtained, then registration. */
function comparePassages(a: CpfPassage, b: CpfPassage): number {
  return compareText(a.certificationCode, b.certificationCode) || compareText(a.obtainedOn, b.obtainedOn) || compareText(a.registrationId, b.registrationId);
}

/**
 * The certifications to report to the holders' CPF accounts, from session results.
 * Only results of a sealed PV (PV-7) that the quality committee did not annul are exported:
 * an annulled session's results are void (QUAL-2) and are NEVER exported, sealed or not.
 * An admitted candidate is reported once, for the title's RNCP code only (RETAKE-1); a partially
 * admitted one once per block validated in that session, under the block's partial-certification
 * code (RNCP34757BC01…); a candidate not admitted or absent is not reported.
 * A result that should be reported but cannot (no holder identity, an invalid one, an unknown
 * block, another title) is listed in `skipped` with a CPF-1 violation naming the field.
 * Passages come ordered by certification code, then day obtained, then registration id; skipped
 * results by registration id. `idTechnique`s are `<registrationId>-<certificationCode>`, so a
 * passage keeps its id from one export to the next.
 */
export function cpfPassages(ref: Referential, results: readonly CpfResult[]): CpfSelection {
  const passages: CpfPassage[] = [];
  const skipped: CpfSelection['skipped'] = [];
  for (const result of results) {
    if (!result.sealed || result.annulled) continue; // PV-7, QUAL-2
    const selected = selectResult(ref, result);
    if (Array.isArray(selected)) passages.push(...selected);
    else skipped.push({ registrationId: result.registrationId, reason: selected });
  }
  return {
    passages: passages.sort(comparePassages),
    skipped: skipped.sort((a, b) => compareText(a.registrationId, b.registrationId)),
  };
}
