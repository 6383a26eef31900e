import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, compareIsoDates, daysBetween, endOfDay, isIsoDate, parseIsoDate, toIsoDate } from '../../../shared/domain';

describe('calendar dates in UTC', () => {
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

  it('adds years, turning 29 February into 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-20', 1)).toBe('2026-06-20');
  });

  it('compares and counts days', () => {
    expect(daysBetween('2025-06-15', '2025-06-20')).toBe(5);
    expect(compareIsoDates('2025-06-15', '2025-06-20')).toBeLessThan(0);
    expect(compareIsoDates('2025-06-20', '2025-06-20')).toBe(0);
    expect(endOfDay('2025-06-15').toISOString()).toBe('2025-06-16T00:00:00.000Z');
    expect(toIsoDate(new Date('2025-06-15T23:59:59.999Z'))).toBe('2025-06-15');
  });

  it('refuses a date that does not exist', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(() => parseIsoDate('2025-13-01')).toThrow(/"2025-13-01" is not a calendar date written YYYY-MM-DD/);
  });
});
