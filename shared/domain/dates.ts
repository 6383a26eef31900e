import { Temporal } from 'temporal-polyfill';
import { InvalidInput } from './errors';
import type { Language, Sentence } from './sentence';

/**
 * A calendar date as `YYYY-MM-DD`, read in the time zone it belongs to (a session's own): a
 * date carries no zone, so the zone travels beside it (see {@link SessionCalendar}).
 */
export type IsoDate = string;

/** An IANA time zone name, such as `Europe/Paris` or `America/Guadeloupe`. */
export type TimeZone = string;

/** A session's calendar: its date and the zone its days are counted in (RULES.md, Calendar). */
export interface SessionCalendar {
  date: IsoDate;
  timeZone: TimeZone;
}

/** The zone of a session that names none (RULES.md, Calendar): mainland France. */
export const DEFAULT_TIME_ZONE: TimeZone = 'Europe/Paris';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const IANA_NAME = /^(?:UTC|[A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+)$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function notACalendarDate(date: string): Sentence {
  return { en: `"${date}" is not a calendar date written YYYY-MM-DD`, fr: `"${date}" n'est pas une date écrite AAAA-MM-JJ` };
}

function plainDate(date: IsoDate): Temporal.PlainDate {
  if (!ISO_DATE.test(date)) throw new InvalidInput(notACalendarDate(date), 'date');
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw new InvalidInput(notACalendarDate(date), 'date');
  }
}

function zoned(instant: Date, timeZone: TimeZone): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not). */
export function isIsoDate(value: string): boolean {
  try {
    plainDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Throws {@link InvalidInput} unless `date` is a real `YYYY-MM-DD` date; returns it. */
export function parseIsoDate(date: IsoDate): IsoDate {
  return plainDate(date).toString();
}

const knownZones = new Map<string, boolean>();

/** True when `value` names an IANA time zone the runtime knows (`Europe/Paris`, `UTC`; not `+02:00`). */
export function isTimeZone(value: string): boolean {
  const known = knownZones.get(value);
  if (known !== undefined) return known;
  let valid = IANA_NAME.test(value);
  try {
    if (valid) Temporal.Now.zonedDateTimeISO(value);
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(value, valid);
  return valid;
}

/** True when `value` is a wall-clock time `HH:MM` (00:00 to 23:59). */
export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return plainDate(date).add({ days }).toString();
}

/**
 * `date` moved by `months` calendar months; a day that does not exist in the target month is
 * clamped to its last day (2024-03-31 − 1 month = 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return plainDate(date).add({ months }, { overflow: 'constrain' }).toString();
}

/** `date` moved by `years` years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return plainDate(date).add({ years }, { overflow: 'constrain' }).toString();
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
}

/** Negative, zero or positive as `a` is before, the same day as, or after `b`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Temporal.PlainDate.compare(plainDate(a), plainDate(b));
}

/** The calendar day `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: TimeZone): IsoDate {
  return zoned(instant, timeZone).toPlainDate().toString();
}

/**
 * The first instant of `date` in `timeZone`: 00:00 local, or the first minute that exists when a
 * daylight-saving change skips midnight.
 */
export function startOfDay(date: IsoDate, timeZone: TimeZone): Date {
  return new Date(plainDate(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The instant of a wall-clock time `HH:MM` on `date` in `timeZone` (a skipped time moves forward). */
export function localInstant(date: IsoDate, time: string, timeZone: TimeZone): Date {
  if (!isLocalTime(time)) throw new InvalidInput({ en: `"${time}" is not a time written HH:MM`, fr: `"${time}" n'est pas une heure écrite HH:MM` }, 'time');
  const dateTime = plainDate(date).toPlainDateTime(Temporal.PlainTime.from(time));
  return new Date(dateTime.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
}

/** `instant` as ISO 8601 in `timeZone`, with its offset and milliseconds: `2027-06-10T00:00:00.000+02:00`. */
export function zonedIso(instant: Date, timeZone: TimeZone): string {
  return zoned(instant, timeZone).toString({ timeZoneName: 'never', smallestUnit: 'millisecond' });
}

/** The UTC offset of `timeZone` at `instant`, e.g. `+02:00`. */
export function offsetAt(instant: Date, timeZone: TimeZone): string {
  return zoned(instant, timeZone).offset;
}

/**
 * An instant for a sentence, in the session's zone: `2027-06-10 00:00 (Europe/Paris, UTC+02:00)`,
 * or the French way, `10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00)`.
 */
export function describeInstant(instant: Date, timeZone: TimeZone, language: Language = 'en'): string {
  const z = zoned(instant, timeZone);
  const time = z.toPlainTime().toString({ smallestUnit: 'minute' });
  const date = describeDate(z.toPlainDate().toString(), language);
  return `${date}${language === 'fr' ? ' à' : ''} ${time} (${timeZone}, UTC${z.offset})`;
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A calendar date in French: `1er juin 2027`, `15 juin 2027`. */
export function frenchDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

/** A calendar date for a sentence: `2027-06-10` in English, `10 juin 2027` in French. */
export function describeDate(date: IsoDate, language: Language = 'en'): string {
  return language === 'en' ? date : frenchDate(date);
}

/** `HH:MM` of an instant in `timeZone` with its offset, for messages: `09:30 (UTC+02:00)`. */
export function formatTime(instant: Date, timeZone: TimeZone): string {
  const z = zoned(instant, timeZone);
  return `${z.toPlainTime().toString({ smallestUnit: 'minute' })} (UTC${z.offset})`;
}

/** `instant` moved by `minutes` minutes. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(Temporal.Instant.fromEpochMilliseconds(instant.getTime()).add({ minutes }).epochMilliseconds);
}

/** Whole minutes from `from` to `to`, rounded down (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  const duration = Temporal.Instant.fromEpochMilliseconds(from.getTime()).until(Temporal.Instant.fromEpochMilliseconds(to.getTime()), { largestUnit: 'minutes' });
  return Math.floor(duration.total({ unit: 'minutes' }));
}
