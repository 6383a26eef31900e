import { isTimeZone, zonedIso } from '../domain/dates';

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * A response body with every UTC instant (`…Z`) written in the time zone of the nearest object
 * around it that names one in `timeZone` (a session, a registration of it): people read
 * `2027-06-10T00:00:00.000+02:00`, never a UTC time they must convert (RULES.md, Calendar).
 * Instants outside any such object stay in UTC, which also carries its offset.
 */
export function withZonedInstants(value: unknown, timeZone?: string): unknown {
  if (typeof value === 'string') return timeZone && UTC_INSTANT.test(value) ? zonedIso(new Date(value), timeZone) : value;
  if (Array.isArray(value)) return value.map((item) => withZonedInstants(item, timeZone));
  if (value && typeof value === 'object') {
    const own = (value as { timeZone?: unknown }).timeZone;
    const zone = typeof own === 'string' && isTimeZone(own) ? own : timeZone;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withZonedInstants(item, zone)]));
  }
  return value;
}
