import { checkOf, type Check } from './check';
import { addMinutes, formatTime, minutesBetween, type TimeZone } from './dates';
import { RuleViolation, violation, type Violation } from './errors';
import type { ExamSegment, Referential } from './referential/schema';
import type { Scope } from './scope';
import { frenchDe } from './sentence';

/** A disability accommodation: extra time the session manager announces at the start of the session (EXAM-2, Q24). */
export interface Accommodation {
  registrationId: string;
  extraMinutes: number;
  /** Why it was granted (e.g. the disability adjustment requested and agreed). */
  justification: string;
  grantedBy: string;
  announcedAt: Date;
}

/** The session manager's decision about a candidate who arrived late (EXAM-3, Q14). */
export interface LateArrival {
  registrationId: string;
  arrivedAt: Date;
  decision: 'allowed' | 'refused';
  decidedBy: string;
}

/** Extra time requested without a valid recorded accommodation (EXAM-2). */
export class DurationChangeRefused extends RuleViolation {}
/** A late candidate the session manager did not allow to sit (EXAM-3). */
export class LateStartNotAllowed extends RuleViolation {}
/** A remote exam cannot start before the candidate's identity is verified (EXAM-5). */
export class IdentityNotVerified extends RuleViolation {}

/** The oral's segments a scope requires: a segment counts when its modality is in scope (EXAM-1). */
export function segmentsInScope(ref: Referential, scope: Pick<Scope, 'modalities'>): ExamSegment[] {
  return ref.exam.segments.filter((s) => scope.modalities.includes(s.modality)); // EXAM-1
}

/**
 * EXAM-2: an accommodation needs a positive whole number of minutes, a justification, who granted
 * it, and to be announced by the session's start; times are stated in the session's `timeZone`.
 */
export function checkAccommodation(accommodation: Accommodation, sessionStartAt: Date, timeZone: TimeZone): Check {
  const found: Violation[] = [];
  if (!Number.isInteger(accommodation.extraMinutes) || accommodation.extraMinutes <= 0) {
    found.push(
      violation('EXAM-2', {
        en: `extra time must be a positive number of minutes, not ${accommodation.extraMinutes}`,
        fr: `le temps majoré doit être un nombre positif de minutes, et non ${accommodation.extraMinutes}`,
      }),
    ); // EXAM-2
  }
  if (accommodation.justification.trim() === '') {
    found.push(
      violation('EXAM-2', {
        en: 'extra time needs a recorded justification (the accommodation granted for a disability)',
        fr: "le temps majoré doit avoir une justification consignée (l'aménagement accordé au titre d'un handicap)",
      }),
    );
  }
  if (accommodation.grantedBy.trim() === '') {
    found.push(violation('EXAM-2', { en: 'extra time must be granted by the session manager', fr: 'le temps majoré doit être accordé par le responsable de session' }));
  }
  if (accommodation.announcedAt.getTime() > sessionStartAt.getTime()) {
    found.push(
      violation('EXAM-2', {
        en: `extra time was announced at ${formatTime(accommodation.announcedAt, timeZone)}, after the session started at ${formatTime(sessionStartAt, timeZone)}; it must be announced at the start`,
        fr: `le temps majoré a été annoncé à ${formatTime(accommodation.announcedAt, timeZone)}, après le début de la session à ${formatTime(sessionStartAt, timeZone)} ; il doit être annoncé au début de la session`,
      }),
    );
  }
  return checkOf(found);
}

/** One timed segment of a candidate's oral, with its actual window. */
export interface ClockSegment {
  id: string;
  name: string;
  plannedMinutes: number;
  startAt: Date;
  endAt: Date;
}

/** A candidate's timed oral. */
export interface CandidateClock {
  registrationId: string;
  /** The session's zone, in which the clock's times are stated. */
  timeZone: TimeZone;
  plannedStartAt: Date;
  startAt: Date;
  /** The end: never moved by a late start (EXAM-3), only by an accommodation (EXAM-2). */
  endAt: Date;
  extraMinutes: number;
  /** Minutes a late start cost the candidate. */
  minutesLost: number;
  segments: ClockSegment[];
}

/** What a candidate's clock needs. */
export interface ClockInput {
  ref: Referential;
  scope: Pick<Scope, 'modalities'>;
  registrationId: string;
  /** The session's zone, in which messages state times. */
  timeZone: TimeZone;
  plannedStartAt: Date;
  sessionStartAt: Date;
  accommodation?: Accommodation;
  lateArrival?: LateArrival;
}

/**
 * A candidate's clock: 30 + 30 + 5 minutes for a full scope (EXAM-1), never lengthened except
 * by a valid accommodation, added at the end (EXAM-2); a late start, once allowed by the session
 * manager, keeps the planned end and each segment's planned end (EXAM-3).
 * Throws {@link DurationChangeRefused} or {@link LateStartNotAllowed}.
 */
export function candidateClock(input: ClockInput): CandidateClock {
  const { ref, scope, registrationId, timeZone, plannedStartAt, sessionStartAt, accommodation, lateArrival } = input;
  let extraMinutes = 0;
  if (accommodation) {
    const check = checkAccommodation(accommodation, sessionStartAt, timeZone); // EXAM-2
    if (!check.ok) throw new DurationChangeRefused(check.violations);
    extraMinutes = accommodation.extraMinutes;
  }
  let startAt = plannedStartAt;
  if (lateArrival && lateArrival.arrivedAt > plannedStartAt) {
    if (lateArrival.decision !== 'allowed') {
      throw new LateStartNotAllowed([
        violation('EXAM-3', {
          en: `the candidate arrived at ${formatTime(lateArrival.arrivedAt, timeZone)}, after the planned start at ${formatTime(plannedStartAt, timeZone)}, and the session manager did not allow them to sit`,
          fr: `le candidat est arrivé à ${formatTime(lateArrival.arrivedAt, timeZone)}, après le début prévu à ${formatTime(plannedStartAt, timeZone)}, et le responsable de session ne l'a pas autorisé à passer l'épreuve`,
        }),
      ]); // EXAM-3
    }
    startAt = lateArrival.arrivedAt;
  }
  const segments: ClockSegment[] = [];
  let cursor = plannedStartAt;
  const planned = segmentsInScope(ref, scope).map((s) => ({ id: s.id, name: s.name, minutes: s.minutes }));
  if (extraMinutes > 0) planned.push({ id: 'extra-time', name: 'Temps majoré (aménagement)', minutes: extraMinutes });
  for (const s of planned) {
    const end = addMinutes(cursor, s.minutes);
    const start = cursor < startAt ? (startAt < end ? startAt : end) : cursor; // EXAM-3
    segments.push({ id: s.id, name: s.name, plannedMinutes: s.minutes, startAt: start, endAt: end });
    cursor = end;
  }
  return { registrationId, timeZone, plannedStartAt, startAt, endAt: cursor, extraMinutes, minutesLost: Math.max(0, minutesBetween(plannedStartAt, startAt)), segments };
}

/** When a segment actually started and ended, as recorded on the day. */
export interface RecordedSegment {
  segmentId: string;
  startedAt: Date;
  endedAt: Date;
}

/**
 * EXAM-2 and EXAM-3 after the fact: each recorded segment must match the clock (within
 * `toleranceMinutes`), and the oral must not end after the clock's end. The violations are
 * the evidence a QUAL-1 appeal relies on.
 */
export function checkRecordedTimings(clock: CandidateClock, recorded: readonly RecordedSegment[], toleranceMinutes = 1): Check {
  const found: Violation[] = [];
  for (const r of recorded) {
    const s = clock.segments.find((x) => x.id === r.segmentId);
    if (!s) {
      found.push(violation('EXAM-2', { en: `segment "${r.segmentId}" is not part of this candidate's oral`, fr: `la séquence "${r.segmentId}" ne fait pas partie de l'oral de ce candidat` }));
      continue;
    }
    const allowed = minutesBetween(s.startAt, s.endAt);
    const actual = minutesBetween(r.startedAt, r.endedAt);
    if (Math.abs(actual - allowed) > toleranceMinutes) {
      found.push(
        violation('EXAM-2', {
          en: `"${s.name}" lasted ${actual} minutes instead of ${allowed}; durations cannot be lengthened or shortened`,
          fr: `la séquence "${s.name}" a duré ${actual} minutes au lieu de ${allowed} ; les durées ne peuvent être ni allongées ni raccourcies`,
        }),
      ); // EXAM-2
    }
    if (r.endedAt.getTime() > addMinutes(clock.endAt, toleranceMinutes).getTime()) {
      found.push(
        violation('EXAM-3', {
          en: `"${s.name}" ended at ${formatTime(r.endedAt, clock.timeZone)}, after the oral's fixed end at ${formatTime(clock.endAt, clock.timeZone)}`,
          fr: `la séquence "${s.name}" s'est terminée à ${formatTime(r.endedAt, clock.timeZone)}, après l'heure de fin fixée de l'oral, ${formatTime(clock.endAt, clock.timeZone)}`,
        }),
      ); // EXAM-3
    }
  }
  return checkOf(found);
}

/** One candidate's place in the day. */
export interface ScheduleEntry {
  registrationId: string;
  order: number;
  startAt: Date;
  examEndAt: Date;
  /** The jury deliberates from `examEndAt` to `deliberationEndAt`, before the next candidate (DELIB-4). */
  deliberationEndAt: Date;
}

/** A candidate to place in the day's plan. */
export interface ScheduleCandidate {
  registrationId: string;
  scope: Pick<Scope, 'modalities'>;
  /** Granted extra time (EXAM-2); it lengthens this candidate's slot. */
  extraMinutes?: number;
}

/**
 * The day's plan (EXAM-1): candidates in the given order, each with the title's slot (95 minutes
 * for RNCP34757) plus any granted extra time; the oral first, then the jury's deliberation (DELIB-4).
 */
export function planSchedule(ref: Referential, startAt: Date, candidates: readonly ScheduleCandidate[]): ScheduleEntry[] {
  let cursor = startAt;
  return candidates.map((c, index) => {
    const extra = c.extraMinutes ?? 0;
    const oral = segmentsInScope(ref, c.scope).reduce((sum, s) => sum + s.minutes, 0) + extra;
    const entry: ScheduleEntry = {
      registrationId: c.registrationId,
      order: index + 1,
      startAt: cursor,
      examEndAt: addMinutes(cursor, oral),
      deliberationEndAt: addMinutes(cursor, ref.exam.slotMinutes + extra), // EXAM-1
    };
    cursor = entry.deliberationEndAt;
    return entry;
  });
}

/** Whether a registered candidate sat the exam. */
export interface AttendanceRecord {
  registrationId: string;
  status: 'present' | 'absent';
  /** Why the candidate is recorded absent. */
  reason?: Violation;
}

/**
 * EXAM-4: every registered candidate gets an attendance record. Without a check-in, or late
 * and refused by the session manager, the candidate is absent, and stays on the PV as such.
 */
export function recordAttendance(registrationIds: readonly string[], checkedIn: readonly string[], lateArrivals: readonly LateArrival[], timeZone: TimeZone): AttendanceRecord[] {
  return registrationIds.map((id) => {
    const refused = lateArrivals.find((l) => l.registrationId === id && l.decision === 'refused');
    if (refused) {
      const reason = violation('EXAM-4', {
        en: `arrived late at ${formatTime(refused.arrivedAt, timeZone)} and was not allowed to sit; recorded absent`,
        fr: `arrivé en retard à ${formatTime(refused.arrivedAt, timeZone)} et non autorisé à passer l'épreuve ; enregistré absent`,
      });
      return { registrationId: id, status: 'absent', reason };
    }
    if (!checkedIn.includes(id)) return { registrationId: id, status: 'absent', reason: violation('EXAM-4', { en: 'did not show up; recorded absent', fr: "ne s'est pas présenté ; enregistré absent" }) }; // EXAM-4
    return { registrationId: id, status: 'present' };
  });
}

/** Where the session takes place; remote needs one of the reasons of Q34. */
export type SessionMode =
  | { kind: 'on-site' }
  | { kind: 'remote'; reason: 'lockdown' | 'disability' | 'manager-decision'; decidedBy: string };

/** A remote verification of a candidate's identity (EXAM-5). */
export interface IdentityCheck {
  registrationId: string;
  checkedAt: Date;
  checkedBy: string;
  method: string;
}

/** How a grid or PV was signed; remotely, signatures are electronic and authenticated (EXAM-5). */
export type SignatureMethod = 'handwritten' | 'electronic';

/** EXAM-5: a remote exam starts only once the candidate's identity was verified, before `startAt`. */
export function checkRemoteExamStart(mode: SessionMode, registrationId: string, candidateName: string, checks: readonly IdentityCheck[], startAt: Date): Check {
  if (mode.kind !== 'remote') return checkOf([]);
  const verified = checks.some((c) => c.registrationId === registrationId && c.checkedAt.getTime() <= startAt.getTime());
  if (verified) return checkOf([]);
  return checkOf([
    violation('EXAM-5', {
      en: `${candidateName}'s identity has not been verified; a remote exam cannot start before it is`,
      fr: `l'identité ${frenchDe(candidateName)} n'a pas été vérifiée ; une épreuve à distance ne peut pas commencer avant cette vérification`,
    }),
  ]); // EXAM-5
}

/** Throws {@link IdentityNotVerified} when {@link checkRemoteExamStart} fails. */
export function assertRemoteExamStart(mode: SessionMode, registrationId: string, candidateName: string, checks: readonly IdentityCheck[], startAt: Date): void {
  const check = checkRemoteExamStart(mode, registrationId, candidateName, checks, startAt);
  if (!check.ok) throw new IdentityNotVerified(check.violations);
}

/** EXAM-5: in a remote session documents are authenticated and signed remotely, i.e. electronically. */
export function checkRemoteSignatures(mode: SessionMode, signatures: readonly { signerName: string; method: SignatureMethod }[]): Check {
  if (mode.kind !== 'remote') return checkOf([]);
  return checkOf(
    signatures
      .filter((s) => s.method !== 'electronic')
      .map((s) =>
        violation('EXAM-5', {
          en: `${s.signerName} signed by hand in a remote session; documents must be signed electronically and authenticated`,
          fr: `${s.signerName} a signé à la main lors d'une session à distance ; les documents doivent être signés électroniquement et authentifiés`,
        }),
      ), // EXAM-5
  );
}

/** A breach of the rules a juror or the session manager reports (EXAM-6, Q23). */
export interface ReportedBreach {
  id: string;
  reportedBy: string;
  reportedAt: Date;
  description: string;
  /** `avoidable`: it can still be prevented; `established`: it happened. */
  state: 'avoidable' | 'established';
}

/** Where a reported breach goes and what may follow. */
export interface BreachRouting {
  to: 'session-manager' | 'quality-committee';
  mayLeadToAnnulment: boolean;
  notice: Violation;
}

/**
 * EXAM-6: a breach that can still be avoided goes to the session manager first, to prevent an
 * annulment; an established one is reported to the quality committee, which may annul the session.
 */
export function routeBreach(breach: ReportedBreach): BreachRouting {
  if (breach.state === 'avoidable') {
    const notice = violation('EXAM-6', {
      en: `${breach.description}: alert the session manager now so it can be avoided`,
      fr: `${breach.description} : alertez dès maintenant le responsable de session afin que ce manquement puisse être évité`,
    });
    return { to: 'session-manager', mayLeadToAnnulment: false, notice }; // EXAM-6
  }
  const notice = violation('EXAM-6', {
    en: `${breach.description}: reported to the quality committee, which may annul the session`,
    fr: `${breach.description} : manquement signalé au comité qualité, qui peut annuler la session`,
  });
  return { to: 'quality-committee', mayLeadToAnnulment: true, notice }; // EXAM-6
}
