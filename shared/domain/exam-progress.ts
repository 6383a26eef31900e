import { addMinutes, formatTime, type TimeZone } from './dates';
import { Conflict, RuleViolation, violation, violationMessage, type Violation } from './errors';
import { assertRemoteExamStart, candidateClock, type ClockInput, type IdentityCheck, type SessionMode } from './exam-day';
import { frenchDe, type Sentence } from './sentence';

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

const STAGE_WORDS: Record<CandidateStage, Sentence> = {
  expected: { en: 'is expected and not checked in yet', fr: "est attendu et n'a pas encore émargé" },
  present: { en: 'is checked in and waits for the oral', fr: 'a émargé et attend son oral' },
  absent: { en: 'is recorded absent', fr: 'est enregistré absent' },
  'in-oral': { en: 'is sitting the oral', fr: 'passe son oral' },
  'oral-ended': { en: 'has finished the oral and waits for the deliberation', fr: 'a terminé son oral et attend la délibération' },
  deliberated: { en: 'has been deliberated', fr: "a déjà fait l'objet de la délibération" },
};

/** Throws {@link StepOutOfOrder} naming the candidate's stage and the rule, unless the stage is one of `allowed`. */
export function assertStage(day: CandidateDay, allowed: readonly CandidateStage[], candidateName: string, ruleId: string, what: Sentence): void {
  if (allowed.includes(day.stage)) return;
  const stage = STAGE_WORDS[day.stage];
  const found = violation(ruleId, { en: `${candidateName} ${stage.en}; ${what.en}`, fr: `${candidateName} ${stage.fr} ; ${what.fr}` });
  throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
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
 * end of their slot unmoved; refused, they are recorded absent and stay on the PV. A decision for
 * a candidate in time is refused, so that a refusal meant for a late arrival never records them present.
 */
export function checkInCandidate(day: CandidateDay, input: CheckInInput): CandidateDay {
  assertStage(day, ['expected'], input.candidateName, 'EXAM-4', { en: 'a candidate is checked in once', fr: "un candidat n'émarge qu'une fois" });
  if (input.status === 'absent') {
    const absence = violation('EXAM-4', { en: `${input.candidateName} did not show up; recorded absent`, fr: `${input.candidateName} ne s'est pas présenté ; enregistré absent` });
    return { ...day, stage: 'absent', checkIn: { at: input.at, by: input.by, late: false }, absence }; // EXAM-4
  }
  const late = input.at.getTime() > addMinutes(input.plannedStartAt, LATE_AFTER_MINUTES).getTime(); // EXAM-3
  if (!late) {
    if (input.decision) {
      throw new RuleViolation([
        violation('EXAM-3', {
          en: `${input.candidateName} arrives at ${formatTime(input.at, input.timeZone)}, in time for the planned start at ${formatTime(input.plannedStartAt, input.timeZone)}: there is no lateness to decide on; record them present`,
          fr: `${input.candidateName} arrive à ${formatTime(input.at, input.timeZone)}, à temps pour le début prévu à ${formatTime(input.plannedStartAt, input.timeZone)} : il n'y a pas de retard sur lequel décider ; enregistrez sa présence`,
        }),
      ]); // EXAM-3
    }
    return { ...day, stage: 'present', checkIn: { at: input.at, by: input.by, late: false } };
  }
  if (!input.decision) {
    throw new RuleViolation([
      violation('EXAM-3', {
        en: `${input.candidateName} arrives at ${formatTime(input.at, input.timeZone)}, after the planned start at ${formatTime(input.plannedStartAt, input.timeZone)}: record the session manager's decision, allowed or refused; the end of the slot does not move either way`,
        fr: `${input.candidateName} arrive à ${formatTime(input.at, input.timeZone)}, après le début prévu à ${formatTime(input.plannedStartAt, input.timeZone)} : consignez la décision du responsable de session, autorisation (allowed) ou refus (refused) ; dans les deux cas, la fin du créneau ne change pas`,
      }),
    ]); // EXAM-3
  }
  const checkIn = { at: input.at, by: input.by, late: true, decision: input.decision };
  if (input.decision === 'refused') {
    const absence = violation('EXAM-4', {
      en: `${input.candidateName} arrived late at ${formatTime(input.at, input.timeZone)} and was not allowed to sit; recorded absent`,
      fr: `${input.candidateName} est arrivé en retard à ${formatTime(input.at, input.timeZone)} et n'a pas été autorisé à passer l'épreuve ; enregistré absent`,
    });
    return { ...day, stage: 'absent', checkIn, absence }; // EXAM-3, EXAM-4
  }
  return { ...day, stage: 'present', checkIn };
}

/** EXAM-5: records the verification of a remote candidate's identity, which must come before the oral. */
export function verifyIdentity(day: CandidateDay, check: IdentityCheck, mode: SessionMode, candidateName: string): CandidateDay {
  if (mode.kind !== 'remote') {
    throw new RuleViolation([
      violation('EXAM-5', {
        en: `the session is held on site; ${candidateName}'s identity is checked at the door, not remotely`,
        fr: `la session se tient sur place ; l'identité ${frenchDe(candidateName)} est vérifiée à l'accueil, et non à distance`,
      }),
    ]);
  }
  assertStage(day, ['present'], candidateName, 'EXAM-5', { en: 'the identity is verified after the check-in and before the oral', fr: "l'identité est vérifiée après l'émargement et avant l'oral" });
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
  const what: Sentence = day.stage === 'expected' ? { en: 'check them in before the oral', fr: "faites-le émarger avant l'oral" } : { en: 'an oral starts once', fr: "un oral ne commence qu'une fois" };
  assertStage(day, ['present'], input.candidateName, day.stage === 'absent' ? 'EXAM-4' : 'EXAM-1', what);
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
  assertStage(day, ['in-oral'], candidateName, 'EXAM-1', { en: 'only a running oral has a segment to end', fr: 'seul un oral en cours a une séquence à terminer' });
  const segments = day.oral!.segments;
  const index = segments.findIndex((s) => s.endedAt === undefined);
  const current = segments[index]!;
  if (at.getTime() < addMinutes(current.plannedEndAt, -SEGMENT_TOLERANCE_MINUTES).getTime()) {
    throw new RuleViolation([
      violation('EXAM-2', {
        en: `"${current.name}" ends at ${formatTime(current.plannedEndAt, timeZone)}; its duration cannot be shortened (it is ${formatTime(at, timeZone)})`,
        fr: `la séquence "${current.name}" se termine à ${formatTime(current.plannedEndAt, timeZone)} ; sa durée ne peut pas être raccourcie (il est ${formatTime(at, timeZone)})`,
      }),
    ]); // EXAM-2
  }
  const next = segments.map((s, i) => (i === index ? { ...s, endedAt: at } : i === index + 1 ? { ...s, startedAt: at } : s));
  const last = index === segments.length - 1;
  return { ...day, stage: last ? 'oral-ended' : 'in-oral', oral: { ...day.oral!, segments: next, ...(last ? { endedAt: at } : {}) } };
}

/** EXAM-2: no request lengthens an oral; only the extra time for a disability announced at the start of the session does. */
export function refuseExtension(candidateName: string): never {
  throw new RuleViolation([
    violation('EXAM-2', {
      en: `${candidateName}'s oral cannot be lengthened: durations are fixed, and only extra time for a disability, announced by the start of the session, adds minutes`,
      fr: `l'oral ${frenchDe(candidateName)} ne peut pas être prolongé : les durées sont fixes, et seul le temps majoré accordé au titre d'un handicap, annoncé au début de la session, ajoute des minutes`,
    }),
  ]); // EXAM-2
}

/** Whether the candidate's day is over: absent, or deliberated. */
export function isDone(day: Pick<CandidateDay, 'stage'>): boolean {
  return day.stage === 'absent' || day.stage === 'deliberated';
}
