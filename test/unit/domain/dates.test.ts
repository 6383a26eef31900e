import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareIsoDates,
  daysBetween,
  describeInstant,
  formatTime,
  isIsoDate,
  isLocalTime,
  isTimeZone,
  localDate,
  localInstant,
  parseIsoDate,
  startOfDay,
  zonedIso,
} from '../../../shared/domain';

describe('calendar dates', () => {
  it.each([
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-10-26', 1, '2025-10-27'],
  ])('addDays(%s, %i) is %s', (from, n, to) => expect(addDays(from, n)).toBe(to));

  it.each([
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('addMonths(%s, %i) clamps to %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it('RETAKE-4: adds years, turning 29 February into 28 February; a year across 29 February is 366 days', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-20', 1)).toBe('2026-06-20');
    expect(daysBetween('2023-03-01', addYears('2023-03-01', 1))).toBe(366);
    expect(daysBetween('2024-03-01', addYears('2024-03-01', 1))).toBe(365);
  });

  it('compares and counts days', () => {
    expect(daysBetween('2025-06-15', '2025-06-20')).toBe(5);
    expect(daysBetween('2025-06-20', '2025-06-15')).toBe(-5);
    expect(compareIsoDates('2025-06-15', '2025-06-20')).toBeLessThan(0);
    expect(compareIsoDates('2025-06-20', '2025-06-20')).toBe(0);
  });

  it('refuses a date that does not exist', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => parseIsoDate('2025-13-01')).toThrow(/"2025-13-01" is not a calendar date written YYYY-MM-DD/);
    expect(() => parseIsoDate('2025-13-01')).toThrow(expect.objectContaining({ sentence: { en: '"2025-13-01" is not a calendar date written YYYY-MM-DD', fr: `"2025-13-01" n'est pas une date écrite AAAA-MM-JJ` } }));
  });
});

describe('time zones (RULES.md, Calendar)', () => {
  it('knows IANA zone names, including the overseas centres, and refuses the rest', () => {
    for (const zone of ['Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'Pacific/Noumea', 'Pacific/Tahiti', 'UTC']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['Europe/Lutece', '+02:00', 'CEST', '', 'Paris']) expect(isTimeZone(zone), zone).toBe(false);
  });

  it('reads the local day an instant falls on', () => {
    const instant = new Date('2027-06-09T22:30:00Z');
    expect(localDate(instant, 'Europe/Paris')).toBe('2027-06-10');
    expect(localDate(instant, 'America/Guadeloupe')).toBe('2027-06-09');
    expect(localDate(instant, 'Pacific/Noumea')).toBe('2027-06-10');
  });

  it('starts a day at 00:00 local, on both sides of a daylight-saving change in Paris and in Guadeloupe (no DST)', () => {
    expect(startOfDay('2027-03-27', 'Europe/Paris').toISOString()).toBe('2027-03-26T23:00:00.000Z');
    expect(startOfDay('2027-03-29', 'Europe/Paris').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(startOfDay('2027-10-31', 'Europe/Paris').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(startOfDay('2027-11-01', 'Europe/Paris').toISOString()).toBe('2027-10-31T23:00:00.000Z');
    expect(startOfDay('2027-03-29', 'America/Guadeloupe').toISOString()).toBe('2027-03-29T04:00:00.000Z');
  });

  it('places a local wall-clock time, and moves a time skipped by daylight saving forward', () => {
    expect(localInstant('2027-06-15', '09:00', 'Europe/Paris').toISOString()).toBe('2027-06-15T07:00:00.000Z');
    expect(localInstant('2027-06-15', '09:00', 'Pacific/Tahiti').toISOString()).toBe('2027-06-15T19:00:00.000Z');
    expect(localInstant('2027-03-28', '02:30', 'Europe/Paris').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(isLocalTime('24:00')).toBe(false);
    expect(() => localInstant('2027-06-15', '9h', 'Europe/Paris')).toThrow(/HH:MM/);
  });

  it('writes instants with their offset, for the API and for sentences', () => {
    const instant = new Date('2027-06-09T22:00:00Z');
    expect(zonedIso(instant, 'Europe/Paris')).toBe('2027-06-10T00:00:00.000+02:00');
    expect(zonedIso(instant, 'America/Guadeloupe')).toBe('2027-06-09T18:00:00.000-04:00');
    expect(describeInstant(instant, 'Europe/Paris')).toBe('2027-06-10 00:00 (Europe/Paris, UTC+02:00)');
    expect(formatTime(new Date('2027-01-15T08:30:00Z'), 'Europe/Paris')).toBe('09:30 (UTC+01:00)');
  });
});
