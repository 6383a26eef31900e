import { describe, expect, it } from 'vitest';
import {
  checkInCandidate,
  computeScope,
  endSegment,
  IdentityNotVerified,
  isDone,
  refuseExtension,
  RuleViolation,
  startOral,
  StepOutOfOrder,
  verifyIdentity,
  type CandidateDay,
  type SessionMode,
} from '../../../shared/domain';
import { at, fullScope, ref, retake } from './fixtures';

const SLOT = at('2025-06-20T07:00:00Z');
const ZONE = 'Europe/Paris';
const expected: CandidateDay = { registrationId: 'r1', stage: 'expected' };
const onSite: SessionMode = { kind: 'on-site' };
const remote: SessionMode = { kind: 'remote', reason: 'disability', decidedBy: 'mgr' };
const checkIn = (at: Date, over: Partial<Parameters<typeof checkInCandidate>[1]> = {}) =>
  checkInCandidate(expected, { status: 'present', at, by: 'mgr', plannedStartAt: SLOT, candidateName: 'Camille Durand', timeZone: ZONE, ...over });
const oral = (day: CandidateDay, at: Date, over: Partial<Parameters<typeof startOral>[1]> = {}) =>
  startOral(day, { ref, scope: fullScope, timeZone: ZONE, sessionStartAt: SLOT, at, slotStartAt: SLOT, mode: onSite, candidateName: 'Camille Durand', ...over });
const hhmm = (d?: Date) => d?.toISOString().slice(11, 16);

describe('the exam day of one candidate', () => {
  it('EXAM-4: a candidate is checked in once; a second check-in is a step out of order naming the stage', () => {
    const present = checkIn(at('2025-06-20T06:50:00Z'));
    expect(present).toMatchObject({ stage: 'present', checkIn: { late: false } });
    expect(() => checkInCandidate(present, { status: 'absent', at: SLOT, by: 'mgr', plannedStartAt: SLOT, candidateName: 'Camille Durand', timeZone: ZONE })).toThrow(StepOutOfOrder);
    expect(() => checkInCandidate(present, { status: 'absent', at: SLOT, by: 'mgr', plannedStartAt: SLOT, candidateName: 'Camille Durand', timeZone: ZONE })).toThrow(
      'EXAM-4: Camille Durand is checked in and waits for the oral; a candidate is checked in once',
    );
    const absent = checkIn(SLOT, { status: 'absent' });
    expect([absent.stage, absent.absence?.message, isDone(absent)]).toEqual(['absent', 'EXAM-4: Camille Durand did not show up; recorded absent', true]);
  });

  it('EXAM-2, EXAM-4: a step out of order and a refused extension are also said in French', () => {
    const present = checkIn(at('2025-06-20T06:50:00Z'));
    const again = () => checkInCandidate(present, { status: 'absent', at: SLOT, by: 'mgr', plannedStartAt: SLOT, candidateName: 'Camille Durand', timeZone: ZONE });
    expect(again).toThrow(expect.objectContaining({ sentence: expect.objectContaining({ fr: "EXAM-4 : Camille Durand a émargé et attend son oral ; un candidat n'émarge qu'une fois" }) }));
    expect(() => refuseExtension('Alex Martin')).toThrow(
      expect.objectContaining({
        sentence: expect.objectContaining({
          fr: "EXAM-2 : l'oral d'Alex Martin ne peut pas être prolongé : les durées sont fixes, et seul le temps majoré accordé au titre d'un handicap, annoncé au début de la session, ajoute des minutes",
        }),
      }),
    );
  });

  it("EXAM-3: a late candidate needs the manager's decision, and one in time takes none; refused, they are absent; allowed, the slot's end does not move", () => {
    expect(() => checkIn(at('2025-06-20T07:12:00Z'))).toThrow(RuleViolation);
    expect(() => checkIn(at('2025-06-20T07:12:00Z'))).toThrow(/^EXAM-3: Camille Durand arrives at 09:12 \(UTC\+02:00\), after the planned start at 09:00 \(UTC\+02:00\)/);
    for (const decision of ['refused', 'allowed'] as const) {
      expect(() => checkIn(at('2025-06-20T06:55:00Z'), { decision }), 'a decision for a candidate in time records nothing').toThrow(
        /^EXAM-3: Camille Durand arrives at 08:55 \(UTC\+02:00\), in time for the planned start at 09:00 \(UTC\+02:00\): there is no lateness to decide on/,
      );
    }
    const refused = checkIn(at('2025-06-20T07:12:00Z'), { decision: 'refused' });
    expect(refused.stage).toBe('absent');
    expect(refused.absence?.ruleId).toBe('EXAM-4');
    const allowed = checkIn(at('2025-06-20T07:12:00Z'), { decision: 'allowed' });
    const started = oral(allowed, at('2025-06-20T07:14:00Z'));
    expect(hhmm(started.oral!.plannedEndAt)).toBe('08:05');
    expect(started.oral!.segments.map((s) => [s.segmentId, hhmm(s.plannedStartAt), hhmm(s.plannedEndAt)])).toEqual([
      ['presentation', '07:14', '07:30'],
      ['questions', '07:30', '08:00'],
      ['practical-case-1-exchange', '08:00', '08:05'],
    ]);
  });

  it('EXAM-1: an oral runs 30 + 30 + 5 minutes from its start; a retake without E2 has no E2 exchange; an absent candidate has no oral', () => {
    const started = oral(checkIn(SLOT), at('2025-06-20T07:20:00Z'));
    expect(started.oral!.segments.map((s) => hhmm(s.plannedEndAt))).toEqual(['07:50', '08:20', '08:25']);
    const a1Only = oral(checkIn(SLOT), SLOT, { scope: computeScope(ref, retake(['A2', 'A3', 'A4'])) });
    expect(a1Only.oral!.segments.map((s) => s.segmentId)).toEqual(['presentation', 'questions']);
    expect(() => oral(checkIn(SLOT, { status: 'absent' }), SLOT)).toThrow('EXAM-4: Camille Durand is recorded absent; an oral starts once');
    expect(() => oral(expected, SLOT)).toThrow('EXAM-1: Camille Durand is expected and not checked in yet; check them in before the oral');
    expect(() => oral(started, SLOT)).toThrow(StepOutOfOrder);
  });

  it('EXAM-2: a segment cannot be shortened; ended on time it starts the next; the last ends the oral; nothing lengthens it', () => {
    let day = oral(checkIn(SLOT), SLOT);
    expect(() => endSegment(day, at('2025-06-20T07:20:00Z'), 'Camille Durand', ZONE)).toThrow(
      'EXAM-2: "Présentation du projet, démonstration incluse" ends at 09:30 (UTC+02:00); its duration cannot be shortened (it is 09:20 (UTC+02:00))',
    );
    day = endSegment(day, at('2025-06-20T07:29:30Z'), 'Camille Durand', ZONE);
    expect(day.oral!.segments[1]!.startedAt?.toISOString()).toBe('2025-06-20T07:29:30.000Z');
    day = endSegment(day, at('2025-06-20T08:00:00Z'), 'Camille Durand', ZONE);
    day = endSegment(day, at('2025-06-20T08:06:00Z'), 'Camille Durand', ZONE);
    expect([day.stage, day.oral!.endedAt?.toISOString()]).toEqual(['oral-ended', '2025-06-20T08:06:00.000Z']);
    expect(() => endSegment(day, at('2025-06-20T08:10:00Z'), 'Camille Durand', ZONE)).toThrow(StepOutOfOrder);
    expect(() => refuseExtension('Camille Durand')).toThrow(/^EXAM-2: Camille Durand's oral cannot be lengthened/);
  });

  it('EXAM-2: extra time granted before the start adds minutes at the end of the oral', () => {
    const accommodation = { registrationId: 'r1', extraMinutes: 20, justification: 'tiers-temps', grantedBy: 'mgr', announcedAt: at('2025-06-19T09:00:00Z') };
    const started = oral(checkIn(SLOT), SLOT, { accommodation });
    expect([started.oral!.extraMinutes, hhmm(started.oral!.plannedEndAt)]).toEqual([20, '08:25']);
  });

  it('EXAM-5: in a remote session the identity is verified after check-in and before the oral', () => {
    const present = checkIn(SLOT);
    expect(() => oral(present, SLOT, { mode: remote })).toThrow(IdentityNotVerified);
    const verified = verifyIdentity(present, { registrationId: 'r1', checkedAt: at('2025-06-20T06:58:00Z'), checkedBy: 'mgr', method: 'ID card on camera' }, remote, 'Camille Durand');
    expect(oral(verified, SLOT, { mode: remote }).stage).toBe('in-oral');
    expect(() => verifyIdentity(present, { registrationId: 'r1', checkedAt: SLOT, checkedBy: 'mgr', method: 'ID card' }, onSite, 'Camille Durand')).toThrow(/^EXAM-5: the session is held on site/);
    expect(() => verifyIdentity(expected, { registrationId: 'r1', checkedAt: SLOT, checkedBy: 'mgr', method: 'ID card' }, remote, 'Camille Durand')).toThrow(StepOutOfOrder);
  });
});
