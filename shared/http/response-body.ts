import { isTimeZone, zonedIso } from '../domain/dates';
import type { Violation } from '../domain/errors';
import type { Language } from '../domain/sentence';
import { presentViolation } from './error-response';

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function isViolation(value: object): value is Violation {
  const v = value as Record<string, unknown>;
  return typeof v.ruleId === 'string' && typeof v.message === 'string' && (v.messageFr === undefined || typeof v.messageFr === 'string') && Object.keys(v).every((k) => k === 'ruleId' || k === 'message' || k === 'messageFr');
}

/**
 * A response body as its caller reads it, in one walk:
 * - every UTC instant (`…Z`, or a `Date`) written in the time zone of the nearest object around
 *   it that names one in `timeZone` (a session, a registration of it): people read
 *   `2027-06-10T00:00:00.000+02:00`, never a UTC time they must convert (RULES.md, Calendar);
 *   instants outside any such object stay in UTC, which also carries its offset;
 * - every violation in it (a refused version's reasons, a session's blockers…) said in
 *   `language`: the one place where stored violations meet the caller's language.
 */
export function presentBody(value: unknown, language: Language, timeZone?: string): unknown {
  if (typeof value === 'string') return timeZone && UTC_INSTANT.test(value) ? zonedIso(new Date(value), timeZone) : value;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (value instanceof Date) return timeZone ? zonedIso(value, timeZone) : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => presentBody(item, language, timeZone));
  if (isViolation(value)) return presentViolation(value, language);
  const own = (value as { timeZone?: unknown }).timeZone;
  const zone = typeof own === 'string' && isTimeZone(own) ? own : timeZone;
  const presented: Record<string, unknown> = {};
  for (const key of Object.keys(value)) presented[key] = presentBody((value as Record<string, unknown>)[key], language, zone);
  return presented;
}
