import * as z from 'zod';
import { DEFAULT_TIME_ZONE, isLocalTime, isTimeZone } from '../domain/dates';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = /* @__PURE__ */ z.iso.date('a calendar date, YYYY-MM-DD');

/** A generated identifier (UUID). */
export const id = (what: string) => z.string().uuid(`a ${what} id`);

/** A person's name part. */
export const namePart = /* @__PURE__ */ z.string().trim().min(1, 'required, 1 to 100 characters').max(100, 'at most 100 characters');

/** An e-mail address. */
export const email = /* @__PURE__ */ z.email('an e-mail address').max(254);

/** An IANA time zone name; overseas centres have their own (RULES.md, Calendar). */
export const timeZone = /* @__PURE__ */ z
  .string()
  .max(64)
  .refine(isTimeZone, `an IANA time zone such as ${DEFAULT_TIME_ZONE}, America/Guadeloupe, America/Martinique, America/Cayenne, Indian/Reunion, Indian/Mayotte, Pacific/Noumea or Pacific/Tahiti`);

/** A wall-clock time, `HH:MM`. */
export const localTime = /* @__PURE__ */ z.string().refine(isLocalTime, 'a time of day written HH:MM, 00:00 to 23:59');
