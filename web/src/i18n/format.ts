import type { Language } from '../../../shared/domain/sentence';

const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The offset of `timeZone` from UTC at `date`, as people read it: `UTC+02:00`, `UTC-04:00`, `UTC+00:00`. */
export function offsetOf(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  const offset = (part?.value ?? 'GMT').replace('GMT', '');
  return `UTC${offset === '' ? '+00:00' : offset}`;
}

/**
 * A date formatted the reader's way; in French the first of the month is written `1er`, as
 * French typography wants it and as the API's own sentences write it (`lundi 1er février 2027`).
 */
function written(format: Intl.DateTimeFormat, date: Date, language: Language): string {
  return format
    .formatToParts(date)
    .map((part) => (language === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/**
 * An instant as people read it, in the session's own time zone with its offset:
 * `lundi 14 juin 2027 à 09:30 (UTC+02:00)` in French, `Monday 14 June 2027 at 09:30 (UTC+02:00)` in English.
 */
export function formatInstant(iso: string, timeZone: string, language: Language): string {
  const date = new Date(iso);
  const format = new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const text = written(format, date, language);
  return `${text} (${offsetOf(date, timeZone)})`;
}

/** A time of day in the session's zone with its offset: `09:30 (UTC+02:00)`. */
export function formatTime(iso: string, timeZone: string, language: Language): string {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(LOCALE[language], { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  return `${text} (${offsetOf(date, timeZone)})`;
}

/** A calendar date (`2027-06-14`, which carries no zone) written the reader's way: `lundi 14 juin 2027`, `lundi 1er février 2027`. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return written(new Intl.DateTimeFormat(LOCALE[language], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), new Date(Date.UTC(year, month - 1, day)), language);
}

/** Time left until `iso`, in days, hours and minutes: `3 j 4 h 05 min` / `3 d 4 h 05 min`; `null` once past. */
export function countdown(iso: string, now: number, language: Language): string | null {
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  return `${days} ${language === 'fr' ? 'j' : 'd'} ${hours} h ${rest} min`;
}

/** A byte count for people: `1,5 Mo` / `1.5 MB`. */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

/** Minutes `timeZone`'s wall clock stands ahead of UTC at `instant` (negative behind). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant) / 60_000;
}

/**
 * The instant of a wall-clock time on a day of `timeZone`, as UTC ISO: `2027-06-14`, `09:30`,
 * `Europe/Paris` → `2027-06-14T07:30:00.000Z`. Used to show a session's start with its offset
 * before the API states it, and to send a time typed in the session's zone.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - offsetMinutes(first, timeZone) * 60_000).toISOString();
}

/** `YYYY-MM-DDTHH:MM` (a `datetime-local` value) read in `timeZone`, as a UTC ISO instant. */
export function fromLocalInput(value: string, timeZone: string): string {
  const [date, time] = value.split('T') as [string, string];
  return zonedInstant(date, time.slice(0, 5), timeZone);
}

/** A running clock's reading in `timeZone`, seconds included, with its offset: `09:30:12 (UTC+02:00)`. */
export function clockReading(now: number, timeZone: string, language: Language): string {
  const date = new Date(now);
  const time = new Intl.DateTimeFormat(LOCALE[language], { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
  return `${time} (${offsetOf(date, timeZone)})`;
}

/** Whole minutes between two instants. */
export function minutesBetween(from: string, to: string): number {
  return Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
}
