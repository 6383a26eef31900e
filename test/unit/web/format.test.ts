import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatTime } from '../../../web/src/i18n/format';

describe("the web app's dates, the reader's way, in the session's zone with its offset (Calendar)", () => {
  it('writes the first of the month 1er in French, as the API does, and leaves the other days and English alone', () => {
    expect(formatDate('2027-02-01', 'fr')).toBe('lundi 1er février 2027');
    expect(formatDate('2027-02-11', 'fr')).toBe('jeudi 11 février 2027');
    expect(formatDate('2027-02-21', 'fr')).toBe('dimanche 21 février 2027');
    expect(formatDate('2027-02-01', 'en')).toMatch(/^Monday,? 1 February 2027$/);
  });

  it("writes an instant in the session's zone with its offset, Paris in summer and Martinique", () => {
    expect(formatInstant('2027-06-01T07:30:00.000Z', 'Europe/Paris', 'fr')).toBe('mardi 1er juin 2027 à 09:30 (UTC+02:00)');
    expect(formatInstant('2027-06-01T13:30:00.000Z', 'America/Martinique', 'fr')).toBe('mardi 1er juin 2027 à 09:30 (UTC-04:00)');
    expect(formatTime('2027-01-10T08:00:00.000Z', 'Europe/Paris', 'fr')).toBe('09:00 (UTC+01:00)');
  });
});
