import { isDone } from '../../domain';
import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { assignedJurors } from '../sessions/planning-reads';
import type { SessionPlanning } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import { candidateDay, candidateOrder, examDayStartsAt } from './day-context';
import { withCounts, withAbsence, draftPvRecord } from './pv-draft';

/** What the exam day's workflow steps need. */
export type ExamWorkflowDeps = Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>;

/**
 * `MarkReadyForExamDay`: every candidate has 2 jurors without conflict. The session waits for its
 * exam day, whose start (the session's date and start time, in its zone) the workflow waits for;
 * the PV's part 1 and the candidates' names in part 2 are drafted now, before the session (PV-5).
 */
export async function markReadyForExamDay(deps: ExamWorkflowDeps, sessionId: string): Promise<{ startsAt: string }> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, async (current, at) => {
    const { session } = current;
    if (session.status === 'ready-for-exam' && session.examDay && current.pv) return undefined;
    const startsAt = examDayStartsAt(session).toISOString();
    const pv = current.pv ?? draftPvRecord(current, await assignedJurors(deps.jurors, current), at); // PV-5
    return {
      session: { status: 'ready-for-exam', pendingStep: undefined, overdue: undefined, blockers: [], examDay: { startsAt } },
      items: [{ kind: 'pv', record: pv }],
      action: 'session.ready-for-exam',
      details: { startsAt, pvId: pv.id },
    };
  });
  return { startsAt: planning.session.examDay!.startsAt };
}

/**
 * `OpenExamDay`, at the session's start: the day opens; the order of the candidates is fixed, and
 * no accommodation can be added any more (EXAM-2). Idempotent.
 */
export async function openExamDay(deps: ExamWorkflowDeps, sessionId: string): Promise<void> {
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current, at) => {
    const { session } = current;
    if (session.status === 'exam-day' || session.status === 'deliberated') return undefined;
    const order = candidateOrder(current);
    return { session: { status: 'exam-day', examDay: { ...session.examDay!, openedAt: at, order } }, action: 'exam-day.opened', details: { order } };
  });
}

/** The first candidate in the day's order whose day is not over (absent or deliberated), if any. */
function nextUndone(planning: SessionPlanning): string | undefined {
  return candidateOrder(planning).find((id) => !isDone(candidateDay(planning, id)));
}

/**
 * `NextCandidate`: one jury, one room: the candidates sit one after another in the day's order.
 * Calls the first whose day is not over and records it as the one the jury hears now; answers
 * `done` when every candidate is deliberated or absent. A restart calls the same candidate again.
 */
export async function nextCandidate(deps: ExamWorkflowDeps, sessionId: string): Promise<{ done: boolean; registrationId: string | null }> {
  let next: string | undefined;
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current) => {
    next = nextUndone(current);
    if (current.session.examDay?.current === next) return undefined;
    const examDay = { ...current.session.examDay!, current: next };
    return { session: { examDay, pendingStep: undefined, overdue: undefined }, action: next ? 'exam-day.candidate-called' : 'exam-day.all-heard', details: next ? { registrationId: next } : {} };
  });
  return next ? { done: false, registrationId: next } : { done: true, registrationId: null };
}

/**
 * `CloseExamDay`: every candidate is deliberated or absent. Absent candidates stay on the PV
 * (EXAM-4); the part 1 counts are completed (PV-5); the session waits for its PV to be signed
 * and sealed. Idempotent.
 */
export async function closeExamDay(deps: ExamWorkflowDeps, sessionId: string): Promise<void> {
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (current, at) => {
    const { session } = current;
    if (session.status === 'deliberated') return undefined;
    let pv = current.pv!;
    for (const row of pv.part2) if (!row.result && candidateDay(current, row.registrationId).stage === 'absent') pv = withAbsence(pv, row.registrationId);
    pv = withCounts(pv); // PV-5
    return {
      session: { status: 'deliberated', pendingStep: undefined, overdue: undefined, examDay: { ...session.examDay!, current: undefined, closedAt: at } },
      items: [{ kind: 'pv', record: pv }],
      action: 'exam-day.closed',
      details: { counts: pv.part1.counts },
    };
  });
}
