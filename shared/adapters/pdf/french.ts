import type { PvResult } from '../../domain';

const MONTH_DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date the French way: `15 juin 2027`. */
export function frenchDate(isoDate: string): string {
  return MONTH_DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant the French way, in the session's zone, with its offset: `15 juin 2027 à 09:00 (UTC+02:00)`. */
export function frenchInstant(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC') || 'UTC';
  return `${part('day')} ${part('month')} ${part('year')} à ${part('hour')}:${part('minute')} (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

/** A result as the PV states it. */
export const RESULT_LABEL: Record<PvResult, string> = {
  admitted: 'Admis·e (titre)',
  'partially-admitted': 'Admis·e partiellement',
  'not-admitted': 'Non admis·e',
  absent: 'Absent·e',
};

/** The first characters of a SHA-256, for a reader to compare by eye. */
export function fingerprint(sha256: string): string {
  return `${sha256.slice(0, 16)}…`;
}
