import { describe, expect, it } from 'vitest';
import {
  assertRemoteExamStart,
  candidateClock,
  checkAccommodation,
  checkRecordedTimings,
  checkRemoteExamStart,
  checkRemoteSignatures,
  checkSessionSetup,
  computeScope,
  draftPv,
  DurationChangeRefused,
  IdentityNotVerified,
  LateStartNotAllowed,
  planSchedule,
  recordAttendance,
  reportAbsent,
  routeBreach,
  type Accommodation,
  type SessionMode,
} from '../../../shared/domain';
import { at, fullScope, ref, retake } from './fixtures';

const START = at('2025-06-20T08:00:00Z');
const iso = (d: Date) => d.toISOString().slice(11, 16);
const accommodation = (over: Partial<Accommodation> = {}): Accommodation => ({
  registrationId: 'r1',
  extraMinutes: 20,
  justification: 'tiers-temps agreed for a disability',
  grantedBy: 'mgr',
  announcedAt: at('2025-06-20T07:55:00Z'),
  ...over,
});

describe('exam day', () => {
  it('EXAM-1: the oral is 30 + 30 + 5 minutes', () => {
    const clock = candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START });
    expect(clock.segments.map((s) => [s.id, iso(s.startAt), iso(s.endAt)])).toEqual([
      ['presentation', '08:00', '08:30'],
      ['questions', '08:30', '09:00'],
      ['practical-case-1-exchange', '09:00', '09:05'],
    ]);
    expect(iso(clock.endAt)).toBe('09:05');
  });

  it('EXAM-1: the plan gives each candidate 95 minutes in order, deliberation after each oral', () => {
    const schedule = planSchedule(ref, START, [
      { registrationId: 'r1', scope: fullScope },
      { registrationId: 'r2', scope: fullScope },
      { registrationId: 'r3', scope: fullScope },
    ]);
    expect(schedule.map((s) => [s.order, iso(s.startAt), iso(s.examEndAt), iso(s.deliberationEndAt)])).toEqual([
      [1, '08:00', '09:05', '09:35'],
      [2, '09:35', '10:40', '11:10'],
      [3, '11:10', '12:15', '12:45'],
    ]);
  });

  it('EXAM-1: a retake without E2 in scope has no E2 exchange, and keeps its 95-minute slot', () => {
    const a1 = computeScope(ref, retake(['A2', 'A3', 'A4']));
    const [slot] = planSchedule(ref, START, [{ registrationId: 'r', scope: a1 }]);
    expect([iso(slot!.examEndAt), iso(slot!.deliberationEndAt)]).toEqual(['09:00', '09:35']);
  });

  it('EXAM-2: extra time only through a recorded accommodation, added at the end', () => {
    const clock = candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START, accommodation: accommodation() });
    expect(clock.extraMinutes).toBe(20);
    expect(clock.segments.at(-1)).toMatchObject({ id: 'extra-time', plannedMinutes: 20 });
    expect(iso(clock.endAt)).toBe('09:25');
    const [slot, next] = planSchedule(ref, START, [{ registrationId: 'r1', scope: fullScope, extraMinutes: 20 }, { registrationId: 'r2', scope: fullScope }]);
    expect([iso(slot!.examEndAt), iso(next!.startAt)]).toEqual(['09:25', '09:55']);
  });

  it.each<[string, Partial<Accommodation>, string]>([
    ['no justification', { justification: '' }, 'EXAM-2: extra time needs a recorded justification (the accommodation granted for a disability)'],
    ['zero minutes', { extraMinutes: 0 }, 'EXAM-2: extra time must be a positive number of minutes, not 0'],
    ['no grantor', { grantedBy: '' }, 'EXAM-2: extra time must be granted by the session manager'],
    ['announced after the start', { announcedAt: at('2025-06-20T10:00:00Z') }, 'EXAM-2: extra time was announced at 12:00 (UTC+02:00), after the session started at 10:00 (UTC+02:00); it must be announced at the start'],
  ])('EXAM-2: an accommodation with %s is refused', (_name, over, message) => {
    expect(checkAccommodation(accommodation(over), START, 'Europe/Paris').violations.map((v) => v.message)).toEqual([message]);
    expect(() => candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START, accommodation: accommodation(over) })).toThrow(DurationChangeRefused);
  });

  it('EXAM-2: a segment that ran longer or shorter than planned is recorded as a violation', () => {
    const clock = candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START });
    const result = checkRecordedTimings(clock, [
      { segmentId: 'presentation', startedAt: at('2025-06-20T08:00:00Z'), endedAt: at('2025-06-20T08:30:00Z') },
      { segmentId: 'questions', startedAt: at('2025-06-20T08:30:00Z'), endedAt: at('2025-06-20T08:50:00Z') },
    ]);
    expect(result.violations.map((v) => v.message)).toEqual(['EXAM-2: "Questions et échange avec le jury sur le projet" lasted 20 minutes instead of 30; durations cannot be lengthened or shortened']);
    expect(result.violations.map((v) => v.messageFr)).toEqual([
      'EXAM-2 : la séquence "Questions et échange avec le jury sur le projet" a duré 20 minutes au lieu de 30 ; les durées ne peuvent être ni allongées ni raccourcies',
    ]);
  });

  it('EXAM-3: a late candidate allowed to sit keeps the planned end', () => {
    const clock = candidateClock({
      ref,
      scope: fullScope,
      registrationId: 'r1',
      timeZone: 'Europe/Paris',
      plannedStartAt: START,
      sessionStartAt: START,
      lateArrival: { registrationId: 'r1', arrivedAt: at('2025-06-20T08:12:00Z'), decision: 'allowed', decidedBy: 'mgr' },
    });
    expect(clock.minutesLost).toBe(12);
    expect(iso(clock.startAt)).toBe('08:12');
    expect(iso(clock.endAt)).toBe('09:05');
    expect(clock.segments.map((s) => [iso(s.startAt), iso(s.endAt)])).toEqual([
      ['08:12', '08:30'],
      ['08:30', '09:00'],
      ['09:00', '09:05'],
    ]);
  });

  it('EXAM-3: a late candidate the session manager did not allow cannot start', () => {
    expect(() =>
      candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START, lateArrival: { registrationId: 'r1', arrivedAt: at('2025-06-20T08:40:00Z'), decision: 'refused', decidedBy: 'mgr' } }),
    ).toThrow(LateStartNotAllowed);
  });

  it('EXAM-3: an oral recorded past its fixed end is a violation', () => {
    const clock = candidateClock({ ref, scope: fullScope, registrationId: 'r1', timeZone: 'Europe/Paris', plannedStartAt: START, sessionStartAt: START });
    const result = checkRecordedTimings(clock, [{ segmentId: 'practical-case-1-exchange', startedAt: at('2025-06-20T09:05:00Z'), endedAt: at('2025-06-20T09:10:00Z') }]);
    expect(result.violations.map((v) => v.ruleId)).toEqual(['EXAM-3']);
  });

  it('EXAM-4: a candidate who does not show up is recorded absent and still appears on the PV', () => {
    const attendance = recordAttendance(['r1', 'r2', 'r3'], ['r1'], [{ registrationId: 'r3', arrivedAt: at('2025-06-20T09:00:00Z'), decision: 'refused', decidedBy: 'mgr' }], 'Europe/Paris');
    expect(attendance.map((a) => [a.registrationId, a.status, a.reason?.message])).toEqual([
      ['r1', 'present', undefined],
      ['r2', 'absent', 'EXAM-4: did not show up; recorded absent'],
      ['r3', 'absent', 'EXAM-4: arrived late at 11:00 (UTC+02:00) and was not allowed to sit; recorded absent'],
    ]);
    const pv = draftPv({
      id: 'pv',
      ref,
      session: { id: 's', date: '2025-06-20', centreName: 'Simplon', centreAddress: '1 rue X, Paris' },
      candidates: [{ id: 'c2', registrationId: 'r2', firstName: 'Noah', lastName: 'Leroy' }],
      jurors: [],
      sessionManager: { id: 'm', firstName: 'Ana', lastName: 'Moreau' },
    });
    expect(reportAbsent(pv, 'r2').part2).toEqual([{ registrationId: 'r2', candidateId: 'c2', firstName: 'Noah', lastName: 'Leroy', result: 'absent', blocksValidated: [], reasons: undefined, recommendations: undefined }]);
  });

  const remote: SessionMode = { kind: 'remote', reason: 'disability', decidedBy: 'mgr' };

  it('EXAM-5: a remote exam needs the identity verified before it starts', () => {
    expect(checkRemoteExamStart(remote, 'r1', 'Camille Durand', [], START).violations.map((v) => v.message)).toEqual([
      "EXAM-5: Camille Durand's identity has not been verified; a remote exam cannot start before it is",
    ]);
    expect(checkRemoteExamStart(remote, 'r1', 'Camille Durand', [], START).violations.map((v) => v.messageFr)).toEqual([
      "EXAM-5 : l'identité de Camille Durand n'a pas été vérifiée ; une épreuve à distance ne peut pas commencer avant cette vérification",
    ]);
    expect(() => assertRemoteExamStart(remote, 'r1', 'Camille Durand', [{ registrationId: 'r1', checkedAt: at('2025-06-20T08:05:00Z'), checkedBy: 'mgr', method: 'ID card on camera' }], START)).toThrow(IdentityNotVerified);
    expect(checkRemoteExamStart(remote, 'r1', 'Camille Durand', [{ registrationId: 'r1', checkedAt: at('2025-06-20T07:50:00Z'), checkedBy: 'mgr', method: 'ID card on camera' }], START).ok).toBe(true);
    expect(checkRemoteExamStart({ kind: 'on-site' }, 'r1', 'Camille Durand', [], START).ok).toBe(true);
  });

  it('EXAM-5: in a remote session documents are signed electronically', () => {
    const result = checkRemoteSignatures(remote, [
      { signerName: 'Alex Martin', method: 'electronic' },
      { signerName: 'Sam Bernard', method: 'handwritten' },
    ]);
    expect(result.violations.map((v) => v.message)).toEqual(['EXAM-5: Sam Bernard signed by hand in a remote session; documents must be signed electronically and authenticated']);
  });

  it.each([
    ['avoidable', 'session-manager', false, /^EXAM-6: .*alert the session manager now/],
    ['established', 'quality-committee', true, /^EXAM-6: .*reported to the quality committee, which may annul the session$/],
  ] as const)('EXAM-6: an %s breach goes to the %s', (state, to, mayAnnul, message) => {
    const routing = routeBreach({ id: 'b', reportedBy: 'j-alex', reportedAt: START, description: 'a candidate is using a phone', state });
    expect(routing.to).toBe(to);
    expect(routing.mayLeadToAnnulment).toBe(mayAnnul);
    expect(routing.notice.message).toMatch(message);
  });
});

describe('session setup', () => {
  const session = {
    id: 's',
    rncpCode: 'RNCP34757',
    cohortId: 'co',
    date: '2025-06-20',
    timeZone: 'Europe/Paris',
    startsAt: at('2025-06-20T08:00:00Z'),
    centre: { name: 'Simplon Paris', address: '55 rue de Vincennes, Montreuil' },
    mode: { kind: 'on-site' } as SessionMode,
    sessionManager: { id: 'm', firstName: 'Ana', lastName: 'Moreau' },
    jurorIds: ['j-alex', 'j-sam'],
  };

  it('EXAM-5: a remote session needs one of the reasons of Q34 and who decided it', () => {
    expect(checkSessionSetup(session).ok).toBe(true);
    const remoteSession = { ...session, mode: { kind: 'remote', reason: 'convenience', decidedBy: '' } as unknown as SessionMode };
    expect(checkSessionSetup(remoteSession).violations.map((v) => v.message)).toEqual([
      `EXAM-5: "convenience" is not a reason to hold a session remotely; use lockdown, disability or the session manager's decision`,
      'EXAM-5: a remote session must record who decided it',
    ]);
  });

  it('PV-2: a session needs the centre address the PV prints, and a start on its date', () => {
    const bad = { ...session, startsAt: at('2025-06-21T08:00:00Z'), centre: { name: 'x', address: ' ' } };
    expect(checkSessionSetup(bad).violations.map((v) => v.ruleId)).toEqual(['PV-2', 'PV-2']);
  });

  it("PV-2: the start is on the session's date in its own zone, and the zone is an IANA name", () => {
    const morningInNoumea = { ...session, timeZone: 'Pacific/Noumea', startsAt: at('2025-06-19T22:00:00Z') };
    expect(checkSessionSetup(morningInNoumea).ok).toBe(true);
    expect(checkSessionSetup({ ...morningInNoumea, timeZone: 'America/Guadeloupe' }).violations.map((v) => v.message)).toEqual([
      'PV-2: the session starts on 2025-06-19 in America/Guadeloupe, which is not its date 2025-06-20',
    ]);
    expect(checkSessionSetup({ ...session, timeZone: 'Europe/Lutece' }).violations.map((v) => v.message)).toEqual([
      'PV-2: "Europe/Lutece" is not an IANA time zone such as Europe/Paris or America/Guadeloupe',
    ]);
  });
});
