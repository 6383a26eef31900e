import type { Language } from './i18n';

const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

function offsetOf(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  const offset = (part?.value ?? 'GMT').replace('GMT', '');
  return `UTC${offset === '' ? '+00:00' : offset}`;
}

/**
 * An instant as people read it, in the session's own time zone with its offset:
 * `lundi 14 juin 2027 à 09:30 (UTC+02:00)` in French, `Monday 14 June 2027 at 09:30 (UTC+02:00)` in English.
 */
export function formatInstant(iso: string, timeZone: string, language: Language): string {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${text} (${offsetOf(date, timeZone)})`;
}

/** A time of day in the session's zone with its offset: `09:30 (UTC+02:00)`. */
export function formatTime(iso: string, timeZone: string, language: Language): string {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(LOCALE[language], { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  return `${text} (${offsetOf(date, timeZone)})`;
}

/** A calendar date (`2027-06-14`, which carries no zone) written the reader's way: `lundi 14 juin 2027`. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, day)));
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
