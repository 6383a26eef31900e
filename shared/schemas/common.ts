import * as z from 'zod';
import type { Sentence } from '../domain/sentence';
import { bilingual } from './bilingual';
import { DEFAULT_TIME_ZONE, isLocalTime, isTimeZone } from '../domain/dates';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = /* @__PURE__ */ z.iso.date(bilingual({ en: 'a calendar date, YYYY-MM-DD', fr: 'une date calendaire, AAAA-MM-JJ' }));

/** A generated identifier (UUID) of `what`, named in each language (`{ en: 'session', fr: 'de session' }`). */
export const id = (what: Sentence) => z.string().uuid(bilingual({ en: `a ${what.en} id`, fr: `un identifiant ${what.fr}` }));

/** A person's name part. */
export const namePart = /* @__PURE__ */ z.string().trim().min(1, bilingual({ en: 'required, 1 to 100 characters', fr: 'requis, de 1 à 100 caractères' })).max(100, bilingual({ en: 'at most 100 characters', fr: '100 caractères au plus' }));

/** An e-mail address. */
export const email = /* @__PURE__ */ z.email(bilingual({ en: 'an e-mail address', fr: 'une adresse e-mail' })).max(254);

/** An IANA time zone name; overseas centres have their own (RULES.md, Calendar). */
export const timeZone = /* @__PURE__ */ z
  .string()
  .max(64)
  .refine(
    isTimeZone,
    bilingual({
      en: `an IANA time zone such as ${DEFAULT_TIME_ZONE}, America/Guadeloupe, America/Martinique, America/Cayenne, Indian/Reunion, Indian/Mayotte, Pacific/Noumea or Pacific/Tahiti`,
      fr: `un fuseau horaire IANA tel que ${DEFAULT_TIME_ZONE}, America/Guadeloupe, America/Martinique, America/Cayenne, Indian/Reunion, Indian/Mayotte, Pacific/Noumea ou Pacific/Tahiti`,
    }),
  );

/** A wall-clock time, `HH:MM`. */
export const localTime = /* @__PURE__ */ z.string().refine(isLocalTime, bilingual({ en: 'a time of day written HH:MM, 00:00 to 23:59', fr: 'une heure écrite HH:MM, de 00:00 à 23:59' }));
