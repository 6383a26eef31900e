import { addMinutes, formatTime, type TimeZone } from './dates';
import { Conflict, RuleViolation, violation, type Violation } from './errors';
import { assertRemoteExamStart, candidateClock, type ClockInput, type IdentityCheck, type SessionMode } from './exam-day';

/** Where a candidate stands on the exam day, in the order it happens. */
export type CandidateStage = 'expected' | 'present' | 'absent' | 'in-oral' | 'oral-ended' | 'deliberated';

/** A segment of the oral as it runs: its window fixed when the oral starts, its actual start and end stamped by the server. */
export interface SegmentProgress {
  segmentId: string;
  name: string;
  plannedStartAt: Date;
  plannedEndAt: Date;
  startedAt?: Date;
  endedAt?: Date;
}

/** A candidate's exam day: check-in, identity (remote), the oral's clock. */
export interface CandidateDay {
  registrationId: string;
  stage: CandidateStage;
  checkIn?: { at: Date; by: string; late: boolean; decision?: 'allowed' | 'refused' };
  /** Why the candidate is absent (EXAM-3, EXAM-4). */
  absence?: Violation;
  identityCheck?: IdentityCheck;
  oral?: { startedAt: Date; plannedEndAt: Date; extraMinutes: number; segments: SegmentProgress[]; endedAt?: Date };
}

/** A step asked for in a state where it cannot happen: a grid before the oral, a second check-in… (HTTP 409). */
export class StepOutOfOrder extends Conflict {}

/** A candidate checked in within this many minutes after their planned start is on time (EXAM-3, product choice). */
export const LATE_AFTER_MINUTES = 1;

/** Minutes a segment may be ended before its planned end, for the clocks of people and machines. */
export const SEGMENT_TOLERANCE_MINUTES = 1;

const STAGE_WORDS: Record<CandidateStage, string> = {
  expected: 'is expected and not checked in yet',
  present: 'is checked in and waits for the oral',
  absent: 'is recorded absent',
  'in-oral': 'is sitting the oral',
  'oral-ended': 'has finished the oral and waits for the deliberation',
  deliberated: 'has been deliberated',
};

/** Throws {@link StepOutOfOrder} naming the candidate's stage and the rule, unless the stage is one of `allowed`. */
export function assertStage(day: CandidateDay, allowed: readonly CandidateStage[], candidateName: string, ruleId: string, what: string): void {
  if (allowed.includes(day.stage)) return;
  const found = violation(ruleId, `${candidateName} ${STAGE_WORDS[day.stage]}; ${what}`);
  throw new StepOutOfOrder(found.message, [found]);
}

/** The check-in the session manager records. */
export interface CheckInInput {
  status: 'present' | 'absent';
  /** The manager's decision on a candidate arriving after their planned start (EXAM-3). */
  decision?: 'allowed' | 'refused';
  at: Date;
  by: string;
  /** The start of the candidate's slot in the day's schedule. */
  plannedStartAt: Date;
  candidateName: string;
  timeZone: TimeZone;
}

/**
 * EXAM-3, EXAM-4: records a candidate present, absent, or late with the manager's decision. A
 * candidate checked in after their planned start needs the decision: allowed, they sit with the
 * end of their slot unmoved; refused, they are recorded absent and stay on the PV.
 */
export function checkInCandidate(day: CandidateDay, input: CheckInInput): CandidateDay {
  assertStage(day, ['expected'], input.candidateName, 'EXAM-4', 'a candidate is checked in once');
  if (input.status === 'absent') {
    return { ...day, stage: 'absent', checkIn: { at: input.at, by: input.by, late: false }, absence: violation('EXAM-4', `${input.candidateName} did not show up; recorded absent`) }; // EXAM-4
  }
  const late = input.at.getTime() > addMinutes(input.plannedStartAt, LATE_AFTER_MINUTES).getTime(); // EXAM-3
  if (!late) return { ...day, stage: 'present', checkIn: { at: input.at, by: input.by, late: false } };
  if (!input.decision) {
    throw new RuleViolation([
      violation('EXAM-3', `${input.candidateName} arrives at ${formatTime(input.at, input.timeZone)}, after the planned start at ${formatTime(input.plannedStartAt, input.timeZone)}: record the session manager's decision, allowed or refused; the end of the slot does not move either way`),
    ]); // EXAM-3
  }
  const checkIn = { at: input.at, by: input.by, late: true, decision: input.decision };
  if (input.decision === 'refused') {
    return { ...day, stage: 'absent', checkIn, absence: violation('EXAM-4', `${input.candidateName} arrived late at ${formatTime(input.at, input.timeZone)} and was not allowed to sit; recorded absent`) }; // EXAM-3, EXAM-4
  }
  return { ...day, stage: 'present', checkIn };
}

/** EXAM-5: records the verification of a remote candidate's identity, which must come before the oral. */
export function verifyIdentity(day: CandidateDay, check: IdentityCheck, mode: SessionMode, candidateName: string): CandidateDay {
  if (mode.kind !== 'remote') {
    throw new RuleViolation([violation('EXAM-5', `the session is held on site; ${candidateName}'s identity is checked at the door, not remotely`)]);
  }
  assertStage(day, ['present'], candidateName, 'EXAM-5', 'the identity is verified after the check-in and before the oral');
  return { ...day, identityCheck: check };
}

/** What starting an oral needs besides the candidate's day. */
export interface OralStartInput extends Omit<ClockInput, 'plannedStartAt' | 'lateArrival' | 'registrationId'> {
  at: Date;
  /** The start of the candidate's slot; a late candidate's oral ends with the slot (EXAM-3). */
  slotStartAt: Date;
  mode: SessionMode;
  candidateName: string;
}

/**
 * EXAM-1, EXAM-2, EXAM-3, EXAM-5: starts a present candidate's oral now. Each segment's window is
 * fixed from here: the segments the scope requires, their minutes, the announced extra time at
 * the end; a late candidate's windows keep the slot's planned end. A remote candidate's identity
 * must be verified first.
 */
export function startOral(day: CandidateDay, input: OralStartInput): CandidateDay {
  assertStage(day, ['present'], input.candidateName, day.stage === 'absent' ? 'EXAM-4' : 'EXAM-1', day.stage === 'expected' ? 'check them in before the oral' : 'an oral starts once');
  if (input.mode.kind === 'remote') assertRemoteExamStart(input.mode, day.registrationId, input.candidateName, day.identityCheck ? [day.identityCheck] : [], input.at); // EXAM-5
  const late = day.checkIn?.late === true;
  const clock = candidateClock({
    ...input,
    registrationId: day.registrationId,
    plannedStartAt: late ? input.slotStartAt : input.at,
    ...(late ? { lateArrival: { registrationId: day.registrationId, arrivedAt: input.at, decision: 'allowed' as const, decidedBy: day.checkIn!.by } } : {}),
  });
  const segments = clock.segments.map((s, index) => ({
    segmentId: s.id,
    name: s.name,
    plannedStartAt: s.startAt,
    plannedEndAt: s.endAt,
    ...(index === 0 ? { startedAt: input.at } : {}),
  }));
  return { ...day, stage: 'in-oral', oral: { startedAt: input.at, plannedEndAt: clock.endAt, extraMinutes: clock.extraMinutes, segments } };
}

/**
 * EXAM-2: ends the running segment and starts the next; after the last, the oral has ended. A
 * segment is never shortened: ending it more than a minute before its planned end is refused.
 * An end after the planned end is recorded as it happened (evidence for QUAL-1).
 */
export function endSegment(day: CandidateDay, at: Date, candidateName: string, timeZone: TimeZone): CandidateDay {
  assertStage(day, ['in-oral'], candidateName, 'EXAM-1', 'only a running oral has a segment to end');
  const segments = day.oral!.segments;
  const index = segments.findIndex((s) => s.endedAt === undefined);
  const current = segments[index]!;
  if (at.getTime() < addMinutes(current.plannedEndAt, -SEGMENT_TOLERANCE_MINUTES).getTime()) {
    throw new RuleViolation([
      violation('EXAM-2', `"${current.name}" ends at ${formatTime(current.plannedEndAt, timeZone)}; its duration cannot be shortened (it is ${formatTime(at, timeZone)})`),
    ]); // EXAM-2
  }
  const next = segments.map((s, i) => (i === index ? { ...s, endedAt: at } : i === index + 1 ? { ...s, startedAt: at } : s));
  const last = index === segments.length - 1;
  return { ...day, stage: last ? 'oral-ended' : 'in-oral', oral: { ...day.oral!, segments: next, ...(last ? { endedAt: at } : {}) } };
}

/** EXAM-2: no request lengthens an oral; only the extra time for a disability announced at the start of the session does. */
export function refuseExtension(candidateName: string): never {
  throw new RuleViolation([
    violation('EXAM-2', `${candidateName}'s oral cannot be lengthened: durations are fixed, and only extra time for a disability, announced by the start of the session, adds minutes`),
  ]); // EXAM-2
}

/** Whether the candidate's day is over: absent, or deliberated. */
export function isDone(day: Pick<CandidateDay, 'stage'>): boolean {
  return day.stage === 'absent' || day.stage === 'deliberated';
}
