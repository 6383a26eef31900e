import { formatTime, frenchDate, localDate, type PvResult } from '../../domain';

/** A calendar date the French way, the domain's: `15 juin 2027`, `1er juin 2027`. */
export { frenchDate };

/** An instant the French way, in the session's zone, with its offset: `15 juin 2027 à 09:00 (UTC+02:00)`, `1er juin 2027 à …`. */
export function frenchInstant(instant: Date, timeZone: string): string {
  return `${frenchDate(localDate(instant, timeZone))} à ${formatTime(instant, timeZone)}`;
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
