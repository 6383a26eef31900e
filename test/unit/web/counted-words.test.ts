import { describe, expect, it } from 'vitest';
import { pluriel, plural } from '../../../web/src/i18n/plural';
import { PV_COUNTS } from '../../../web/src/i18n/pv-counts';

describe("the web app's counted words", () => {
  it('PV-2: the counts of part 1 are written in the singular for 0 and 1 in French, for 1 in English', () => {
    const one = { registered: 1, absent: 0, admitted: 1, partiallyAdmitted: 0, notAdmitted: 0 };
    expect(PV_COUNTS.fr(one)).toBe('1 inscrit, 0 absent, 1 admis, 0 admis partiellement, 0 non admis');
    expect(PV_COUNTS.fr({ registered: 12, absent: 2, admitted: 7, partiallyAdmitted: 2, notAdmitted: 1 })).toBe('12 inscrits, 2 absents, 7 admis, 2 admis partiellement, 1 non admis');
    expect(PV_COUNTS.en(one)).toBe('1 registered, 0 absent, 1 admitted, 0 partially admitted, 0 not admitted');
  });

  it('French counts 0 and 1 in the singular, English only 1', () => {
    expect([0, 1, 2].map((n) => pluriel(n, 'page', 'pages'))).toEqual(['page', 'page', 'pages']);
    expect([0, 1, 2].map((n) => plural(n, 'page', 'pages'))).toEqual(['pages', 'page', 'pages']);
  });
});
