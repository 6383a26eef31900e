import type { Language } from '../../i18n/i18n';
import { formatTime } from '../../i18n/format';

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

/** A clock's reading: `09:30:12 (UTC+02:00)`, in `timeZone`. */
export function clockReading(now: number, timeZone: string, language: Language): string {
  const time = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(now));
  const offset = /\((UTC[^)]*)\)/.exec(formatTime(new Date(now).toISOString(), timeZone, language))?.[1] ?? '';
  return `${time} (${offset})`;
}
