import { describe, expect, it } from 'vitest';
import { violation } from '../../../shared/domain/errors';
import { presentBody } from '../../../shared/http/response-body';

const blocker = violation('JURY-1', { en: 'a session needs at least 2 jurors; it has 1', fr: 'une session requiert au moins 2 jurés ; elle en compte 1' });

describe('a response body as its caller reads it', () => {
  it("Calendar: writes each UTC instant in the zone of the nearest object naming one, Martinique's inside Paris's", () => {
    const body = {
      at: '2027-06-10T08:00:00.000Z',
      session: {
        timeZone: 'Europe/Paris',
        sessionDate: '2027-06-14',
        createdAt: '2027-06-10T08:00:00.000Z',
        registrations: [{ timeZone: 'America/Martinique', deadline: '2027-06-10T04:00:00.000Z' }, { submittedAt: new Date('2027-01-10T08:00:00.000Z') }],
      },
    };
    expect(presentBody(body, 'en')).toEqual({
      at: '2027-06-10T08:00:00.000Z',
      session: {
        timeZone: 'Europe/Paris',
        sessionDate: '2027-06-14',
        createdAt: '2027-06-10T10:00:00.000+02:00',
        registrations: [{ timeZone: 'America/Martinique', deadline: '2027-06-10T00:00:00.000-04:00' }, { submittedAt: '2027-01-10T09:00:00.000+01:00' }],
      },
    });
  });

  it('says each violation in the language asked, in the same walk, inside zoned objects and arrays', () => {
    const body = { session: { timeZone: 'Europe/Paris', blockers: [blocker] } };
    expect(presentBody(body, 'fr')).toEqual({ session: { timeZone: 'Europe/Paris', blockers: [{ ruleId: 'JURY-1', message: 'JURY-1 : une session requiert au moins 2 jurés ; elle en compte 1' }] } });
    expect(presentBody(body, 'en')).toEqual({ session: { timeZone: 'Europe/Paris', blockers: [{ ruleId: 'JURY-1', message: 'JURY-1: a session needs at least 2 jurors; it has 1' }] } });
  });

  it('leaves an unknown zone, a string that only looks like a date, numbers, null and bytes as they are', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(presentBody({ timeZone: 'Mars/Olympus', at: '2027-06-10T08:00:00.000Z', note: 'due 2027-06-10', n: 3, none: null, bytes }, 'fr')).toEqual({ timeZone: 'Mars/Olympus', at: '2027-06-10T08:00:00.000Z', note: 'due 2027-06-10', n: 3, none: null, bytes });
  });
});
