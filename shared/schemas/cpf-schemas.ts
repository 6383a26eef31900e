import * as z from 'zod';
import { daysBetween } from '../domain/dates';
import { isoDate } from './common';

const PURPOSE = "required by the Caisse des Dépôts to report the certification to the holder's CPF account";

/** The longest period one CPF export covers, in days. */
export const CPF_EXPORT_MAX_DAYS = 366;

const cpfName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what}, 1 to 60 characters`)
    .max(60, `${what}, at most 60 characters: the CPF's limit`)
    .regex(/^[^\u0000-\u001F\u007F]*$/, `${what}, without control characters`);

/** Where the holder was born: a city and either the commune's INSEE code or the INSEE country code. */
export const birthplaceBody = /* @__PURE__ */ z
  .strictObject({
    city: cpfName('the city of birth').describe(`the city of birth, as the civil status writes it; ${PURPOSE}`),
    inseeCode: z
      .string()
      .regex(/^(?:\d{2}|2[AB])\d{3}$/, "the commune's INSEE code: 5 characters, digits or 2A/2B for Corsica, e.g. 42218 for Saint-Étienne")
      .refine((code) => !code.startsWith('99'), 'a commune code; 99xxx is a country code, give it as countryCode')
      .optional()
      .describe(`for a birth in France, the commune's INSEE code (not its postal code); ${PURPOSE}`),
    countryCode: z
      .string()
      .regex(/^99\d{3}$/, 'the INSEE country code: 99 and 3 digits, e.g. 99109 for Germany')
      .refine((code) => code !== '99100', '99100 is France: for a birth in France give the commune as inseeCode')
      .optional()
      .describe(`for a birth abroad, the INSEE country code 99xxx; ${PURPOSE}`),
  })
  .refine((b) => (b.inseeCode === undefined) !== (b.countryCode === undefined), {
    message: 'give exactly one of inseeCode (born in France) and countryCode (born abroad)',
    path: ['inseeCode'],
  });

/** Body that records a certification holder's civil-status identity for the CPF export. */
export const holderIdentityBody = /* @__PURE__ */ z.strictObject({
  birthName: cpfName('the birth name').describe(`the birth name (nom de naissance), accents kept; ${PURPOSE}`),
  usageName: cpfName('the usage name').optional().describe(`the usage or married name, when it differs from the birth name; ${PURPOSE}`),
  firstNames: z
    .array(cpfName('a first name'))
    .min(1, 'the first names, 1 to 3, in civil-status order')
    .max(3, 'at most 3 first names: the CPF holds 3')
    .describe(`the first names in civil-status order, 1 to 3; ${PURPOSE}`),
  birthDate: isoDate.refine((d) => d >= '1900-01-01', 'a birth date from 1900-01-01').describe(`the date of birth; ${PURPOSE}`),
  sex: z.enum(['M', 'F'], { error: 'M or F, as the civil status records it' }).describe(`the sex as the civil status records it; ${PURPOSE}`),
  birthplace: birthplaceBody.describe(`the place of birth; ${PURPOSE}`),
});

/** A validated holder identity body. */
export type HolderIdentityInput = z.infer<typeof holderIdentityBody>;

/** Query of the CPF export: one title, and the session days it covers, at most 366 days. */
export const cpfExportQuery = /* @__PURE__ */ z
  .strictObject({
    titleCode: z
      .string()
      .regex(/^RNCP\d+$/, 'RNCP followed by its digits, as France Compétences writes it, e.g. RNCP34757')
      .default('RNCP34757')
      .describe('the title whose holders are exported'),
    from: isoDate.describe('the first session day exported, inclusive'),
    to: isoDate.describe('the last session day exported, inclusive'),
  })
  .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => q.from > q.to || daysBetween(q.from, q.to) < CPF_EXPORT_MAX_DAYS, {
    message: `the period covers at most ${CPF_EXPORT_MAX_DAYS} days; split a longer one`,
    path: ['to'],
  });

/** A validated CPF export query. */
export type CpfExportQuery = z.infer<typeof cpfExportQuery>;
