import * as z from 'zod';
import type { Sentence } from '../domain/sentence';
import { bilingual } from './bilingual';
import { daysBetween } from '../domain/dates';
import { isoDate } from './common';

const PURPOSE = "required by the Caisse des Dépôts to report the certification to the holder's CPF account";

/** The longest period one CPF export covers, in days. */
export const CPF_EXPORT_MAX_DAYS = 366;

const cpfName = (what: Sentence) =>
  z
    .string()
    .trim()
    .min(1, bilingual({ en: `${what.en}, 1 to 60 characters`, fr: `${what.fr}, de 1 à 60 caractères` }))
    .max(60, bilingual({ en: `${what.en}, at most 60 characters: the CPF's limit`, fr: `${what.fr}, 60 caractères au plus : la limite du CPF` }))
    .regex(/^[^\u0000-\u001F\u007F]*$/, bilingual({ en: `${what.en}, without control characters`, fr: `${what.fr}, sans caractères de contrôle` }));

/** Where the holder was born: a city and either the commune's INSEE code or the INSEE country code. */
export const birthplaceBody = /* @__PURE__ */ z
  .strictObject({
    city: cpfName({ en: 'the city of birth', fr: 'la ville de naissance' }).describe(`the city of birth, as the civil status writes it; ${PURPOSE}`),
    inseeCode: z
      .string()
      .regex(/^(?:\d{2}|2[AB])\d{3}$/, bilingual({ en: "the commune's INSEE code: 5 characters, digits or 2A/2B for Corsica, e.g. 42218 for Saint-Étienne", fr: 'le code INSEE de la commune : 5 caractères, des chiffres ou 2A/2B pour la Corse, par exemple 42218 pour Saint-Étienne' }))
      .refine((code) => !code.startsWith('99'), bilingual({ en: 'a commune code; 99xxx is a country code, give it as countryCode', fr: 'un code de commune ; 99xxx est un code de pays, indiquez-le dans countryCode' }))
      .optional()
      .describe(`for a birth in France, the commune's INSEE code (not its postal code); ${PURPOSE}`),
    countryCode: z
      .string()
      .regex(/^99\d{3}$/, bilingual({ en: 'the INSEE country code: 99 and 3 digits, e.g. 99109 for Germany', fr: "le code INSEE du pays : 99 suivi de 3 chiffres, par exemple 99109 pour l'Allemagne" }))
      .refine((code) => code !== '99100', bilingual({ en: '99100 is France: for a birth in France give the commune as inseeCode', fr: '99100 désigne la France : pour une naissance en France, indiquez la commune dans inseeCode' }))
      .optional()
      .describe(`for a birth abroad, the INSEE country code 99xxx; ${PURPOSE}`),
  })
  .refine((b) => (b.inseeCode === undefined) !== (b.countryCode === undefined), {
    message: bilingual({ en: 'give exactly one of inseeCode (born in France) and countryCode (born abroad)', fr: "indiquez exactement l'un des deux : inseeCode (naissance en France) ou countryCode (naissance à l'étranger)" }),
    path: ['inseeCode'],
  });

/** Body that records a certification holder's civil-status identity for the CPF export. */
export const holderIdentityBody = /* @__PURE__ */ z.strictObject({
  birthName: cpfName({ en: 'the birth name', fr: 'le nom de naissance' }).describe(`the birth name (nom de naissance), accents kept; ${PURPOSE}`),
  usageName: cpfName({ en: 'the usage name', fr: "le nom d'usage" }).optional().describe(`the usage or married name, when it differs from the birth name; ${PURPOSE}`),
  firstNames: z
    .array(cpfName({ en: 'a first name', fr: 'un prénom' }))
    .min(1, bilingual({ en: 'the first names, 1 to 3, in civil-status order', fr: "les prénoms, de 1 à 3, dans l'ordre de l'état civil" }))
    .max(3, bilingual({ en: 'at most 3 first names: the CPF holds 3', fr: '3 prénoms au plus : le CPF en enregistre 3' }))
    .describe(`the first names in civil-status order, 1 to 3; ${PURPOSE}`),
  birthDate: isoDate.refine((d) => d >= '1900-01-01', bilingual({ en: 'a birth date from 1900-01-01', fr: 'une date de naissance à partir du 1er janvier 1900' })).describe(`the date of birth; ${PURPOSE}`),
  sex: z.enum(['M', 'F'], { error: bilingual({ en: 'M or F, as the civil status records it', fr: "M ou F, comme l'enregistre l'état civil" }) }).describe(`the sex as the civil status records it; ${PURPOSE}`),
  birthplace: birthplaceBody.describe(`the place of birth; ${PURPOSE}`),
});

/** A validated holder identity body. */
export type HolderIdentityInput = z.infer<typeof holderIdentityBody>;

/** Query of the CPF export: one title, and the session days it covers, at most 366 days. */
export const cpfExportQuery = /* @__PURE__ */ z
  .strictObject({
    titleCode: z
      .string()
      .regex(/^RNCP\d+$/, bilingual({ en: 'RNCP followed by its digits, as France Compétences writes it, e.g. RNCP34757', fr: "RNCP suivi de ses chiffres, comme l'écrit France Compétences, par exemple RNCP34757" }))
      .default('RNCP34757')
      .describe('the title whose holders are exported'),
    from: isoDate.describe('the first session day exported, inclusive'),
    to: isoDate.describe('the last session day exported, inclusive'),
  })
  .refine((q) => q.from <= q.to, { message: bilingual({ en: 'to must not be before from', fr: 'to ne doit pas précéder from' }), path: ['to'] })
  .refine((q) => q.from > q.to || daysBetween(q.from, q.to) < CPF_EXPORT_MAX_DAYS, {
    message: bilingual({ en: `the period covers at most ${CPF_EXPORT_MAX_DAYS} days; split a longer one`, fr: `la période couvre ${CPF_EXPORT_MAX_DAYS} jours au plus ; découpez une période plus longue` }),
    path: ['to'],
  });

/** A validated CPF export query. */
export type CpfExportQuery = z.infer<typeof cpfExportQuery>;
