import {
  checkInCandidate,
  Conflict,
  describeDate,
  describeInstant,
  endSegment,
  Forbidden,
  fullName,
  isDone,
  localDate,
  refuseExtension,
  startOral,
  StepOutOfOrder,
  verifyIdentity,
  violation,
  violationMessage,
  type CandidateDay,
  type Sentence,
} from '../../domain';
import { logger } from '../../observability/logger';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { registrationOf } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { assertManagesSession, sittingJuror } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { candidateContext, candidateDay, daySchedule, examRecord, sessionMode } from './day-context';
import { withAbsence } from './pv-draft';
import type { ExamRecord } from './records';

/** What a candidate's exam-day steps need. */
export type CandidateStepDeps = Pick<Deps, 'sessions' | 'jurors' | 'workflow' | 'now' | 'newId'>;

/**
 * Completes the workflow's step for this candidate once their day is over (absent or
 * deliberated). A step already completed (two last signatures at once, a replay) counts once.
 */
export async function completeCandidateStepIfDone(deps: Pick<Deps, 'workflow'>, planning: SessionPlanning, registrationId: string): Promise<void> {
  const pending = planning.session.pendingStep;
  if (pending?.step !== 'candidate' || pending.registrationId !== registrationId) return;
  if (!isDone(candidateDay(planning, registrationId))) return;
  try {
    await deps.workflow.completeStep(pending.taskToken, { registrationId });
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    logger.info('candidate step already completed', { sessionId: planning.session.id, registrationId });
  }
}

/**
 * EXAM-1: the exam day's steps happen once the day opened, until it closed; candidates may be
 * checked in (and identified) from the morning of the session's date, before the day opens.
 */
export function assertDayOpen(planning: SessionPlanning, at: Date, arrival = false): void {
  const { session } = planning;
  if (session.status === 'exam-day') return;
  if (arrival && session.status === 'ready-for-exam' && localDate(at, calendarOf(session).timeZone) === session.sessionDate) return;
  const found = violation('EXAM-1', session.status === 'deliberated' ? { en: `the exam day of session ${session.id} is over`, fr: `le jour d'examen de la session ${session.id} est terminé` } : dayNotOpen(planning));
  throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
}

/** EXAM-1: when the exam day of a session that has not opened yet opens. */
function dayNotOpen({ session }: SessionPlanning): Sentence {
  const { timeZone } = calendarOf(session);
  const startsAt = session.examDay && new Date(session.examDay.startsAt);
  const opens = startsAt ? describeInstant(startsAt, timeZone) : `on ${session.sessionDate}`;
  const opensFr = startsAt ? describeInstant(startsAt, timeZone, 'fr') : describeDate(session.sessionDate, 'fr');
  return {
    en: `the exam day of session ${session.id} opens at ${opens}; the session is in ${session.status}`,
    fr: `le jour d'examen de la session ${session.id} s'ouvre le ${opensFr} ; la session est à l'état ${session.status}`,
  };
}

/** The manager of the centre, or a juror who sits on the session, runs the oral's clock. */
async function assertRunsTheDay(deps: Pick<Deps, 'jurors'>, caller: Caller, planning: SessionPlanning): Promise<void> {
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId) return;
  if (await sittingJuror(deps.jurors, caller, planning)) return;
  throw new Forbidden({
    en: `you neither manage session ${planning.session.id}'s centre nor sit on its jury`,
    fr: `vous n'êtes ni responsable du centre de la session ${planning.session.id} ni membre de son jury`,
  });
}

/**
 * Applies one change to a candidate's exam day: reads the session, checks the caller and that the
 * day is open, lets `change` move the candidate's day on (domain rules), and writes it with its
 * audit event; an absent candidate goes onto the PV as such (EXAM-4). The workflow's step for the
 * candidate completes once their day is over.
 */
async function changeCandidateDay(
  deps: CandidateStepDeps,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  authorize: (planning: SessionPlanning) => void | Promise<void>,
  action: string,
  change: (day: CandidateDay, planning: SessionPlanning, at: Date) => CandidateDay,
  arrival = false,
): Promise<{ exam: ExamRecord; timeZone: string }> {
  let exam: ExamRecord | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    await authorize(current);
    registrationOf(current, registrationId);
    assertDayOpen(current, new Date(at), arrival);
    const next = change(candidateDay(current, registrationId), current, new Date(at));
    exam = examRecord(next);
    const pv = next.stage === 'absent' && current.pv ? [{ kind: 'pv' as const, record: withAbsence(current.pv, registrationId) }] : []; // EXAM-4
    return { items: [{ kind: 'exam', record: exam }, ...pv], action, details: { registrationId, stage: next.stage } };
  });
  await completeCandidateStepIfDone(deps, planning, registrationId);
  return { exam: exam!, timeZone: calendarOf(planning.session).timeZone };
}

/**
 * The session manager checks a candidate in (EXAM-3, EXAM-4): present, absent, or late with
 * their decision; the server stamps the time and compares it with the candidate's slot.
 */
export function checkIn(deps: CandidateStepDeps, caller: Caller, sessionId: string, registrationId: string, input: { status: 'present' | 'absent'; decision?: 'allowed' | 'refused' }) {
  return changeCandidateDay(deps, caller, sessionId, registrationId, (p) => assertManagesSession(caller, p.session), 'exam.checked-in', (day, planning, at) => {
    const slot = daySchedule(planning).find((s) => s.registrationId === registrationId)!;
    return checkInCandidate(day, {
      ...input,
      at,
      by: caller.id,
      plannedStartAt: slot.startAt,
      candidateName: fullName(registrationOf(planning, registrationId).candidate),
      timeZone: calendarOf(planning.session).timeZone,
    });
  }, true);
}

/** The session manager records the verification of a remote candidate's identity (EXAM-5). */
export function checkIdentity(deps: CandidateStepDeps, caller: Caller, sessionId: string, registrationId: string, input: { method: string }) {
  return changeCandidateDay(deps, caller, sessionId, registrationId, (p) => assertManagesSession(caller, p.session), 'exam.identity-verified', (day, planning, at) =>
    verifyIdentity(day, { registrationId, checkedAt: at, checkedBy: caller.id, method: input.method }, sessionMode(planning.session), fullName(registrationOf(planning, registrationId).candidate)),
  true);
}

/** EXAM-1: one jury, one room: the oral is the candidate's the workflow called. */
function assertCalled(planning: SessionPlanning, registrationId: string, candidateName: string): void {
  const current = planning.session.examDay?.current;
  if (current === registrationId) return;
  const now = current ? fullName(registrationOf(planning, current).candidate) : undefined;
  const found = violation('EXAM-1', {
    en: `the jury hears ${now ?? 'no one'} now; ${candidateName}'s turn comes in the day's order`,
    fr: `${now ? `le jury entend actuellement ${now}` : `le jury n'entend personne actuellement`} ; le tour de ${candidateName} viendra dans l'ordre de passage du jour`,
  });
  throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
}

/**
 * The oral's clock, run by the manager or a juror of the session: `start` starts the called
 * candidate's oral (EXAM-1, EXAM-3, EXAM-5); `end-segment` ends the running segment, never before
 * its planned end (EXAM-2); `extend` is always refused (EXAM-2). The server stamps every time.
 */
export function runOral(deps: CandidateStepDeps, caller: Caller, sessionId: string, registrationId: string, action: 'start' | 'end-segment' | 'extend') {
  return changeCandidateDay(deps, caller, sessionId, registrationId, (p) => assertRunsTheDay(deps, caller, p), `exam.oral-${action}`, (day, planning, at) => {
    const context = candidateContext(planning, registrationId);
    const timeZone = calendarOf(planning.session).timeZone;
    if (action === 'extend') refuseExtension(context.name); // EXAM-2
    if (action === 'end-segment') return endSegment(day, at, context.name, timeZone);
    assertCalled(planning, registrationId, context.name);
    const slot = daySchedule(planning).find((s) => s.registrationId === registrationId)!;
    const accommodation = context.registration.accommodation;
    return startOral(day, {
      ref: context.ref,
      scope: context.scope,
      timeZone,
      sessionStartAt: new Date(planning.session.examDay!.startsAt),
      at,
      slotStartAt: slot.startAt,
      mode: sessionMode(planning.session),
      candidateName: context.name,
      ...(accommodation
        ? { accommodation: { registrationId, extraMinutes: accommodation.extraMinutes, justification: accommodation.justification, grantedBy: accommodation.grantedBy, announcedAt: new Date(accommodation.grantedAt) } }
        : {}),
    });
  });
}
