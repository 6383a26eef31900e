import { InvalidInput } from './errors';

/**
 * A calendar date as `YYYY-MM-DD`. Calendar dates carry no time zone: the domain reads and
 * computes them in UTC (midnight UTC stands for the day), so no host zone or daylight saving
 * change can shift a deadline by a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Midnight UTC of `date`; throws {@link InvalidInput} when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new InvalidInput(`"${date}" is not a calendar date written YYYY-MM-DD`, 'date');
  return new Date(`${date}T00:00:00.000Z`);
}

/** The UTC calendar day an instant falls on. */
export function toIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

/**
 * `date` moved by `months` calendar months; a day that does not exist in the target month is
 * clamped to its last day (2024-03-31 − 1 month = 2024-02-29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const start = parseIsoDate(date);
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return toIsoDate(firstOfTarget);
}

/** `date` moved by `years` years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

/** Negative, zero or positive as `a` is before, the same day as, or after `b`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return daysBetween(b, a);
}

/** The first instant after the whole UTC day `date`: a deadline "on `date`" closes then. */
export function endOfDay(date: IsoDate): Date {
  return new Date(parseIsoDate(date).getTime() + DAY_MS);
}

/** `instant` moved by `minutes` minutes. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

/** Whole minutes from `from` to `to`, rounded down (negative when `to` is earlier). */
export function minutesBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MINUTE_MS);
}

/** `HH:MM` of an instant in UTC, for messages. */
export function formatTime(instant: Date): string {
  return instant.toISOString().slice(11, 16);
}
