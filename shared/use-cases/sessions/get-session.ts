import { describeInstant, localInstant } from '../../domain/dates';
import { DEFAULT_START_TIME } from '../../domain/session';
import type { Violation } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { eligibilityOf, missingDeclarations } from '../deliverables/jury-access';
import { planningViolations } from './planning-check';
import type { WorkflowStatus } from './ports';
import { calendarOf, publicSession, type PublicSession, type SessionPlanning, type SessionStatus } from './records';
import { fullName } from '../../domain/people';
import { assertCanReadSession } from './session-access';
import { assignedJurors, loadPlanning } from './planning-reads';

/** What the session waits for next, and from whom. */
export interface NextStep {
  step: 'close-planning' | 'workflow' | 'intake-deadline' | 'declarations' | 'exam-day' | 'candidate' | 'pv-seal' | 'none';
  /** A sentence a person can act on. */
  waitsFor: string;
  /** The role that must act, when a person must. */
  by?: 'managers';
  /** When it will happen by itself, for a deadline. */
  at?: string;
}

/** A session as `GET /sessions/{id}` shows it. */
export interface SessionView extends PublicSession {
  workflow: WorkflowStatus;
  next: NextStep;
  /** What keeps the session from its next step, by rule. */
  blockers: Violation[];
  jurors: Array<{ jurorId: string; firstName: string; lastName: string }>;
  candidates: number;
}

function nextStep(planning: SessionPlanning, blockers: readonly Violation[]): NextStep {
  const { session } = planning;
  if (session.status === 'failed') return { step: 'none', waitsFor: `nothing: ${session.failure?.reason ?? 'the workflow failed'}` };
  if (session.status === 'intake' && session.intake) {
    const closes = describeInstant(new Date(session.intake.closesAt), calendarOf(session).timeZone);
    return { step: 'intake-deadline', waitsFor: `candidates' deliverables until intake closes at ${closes}, 5 days before the session (DELIV-4)`, at: session.intake.closesAt };
  }
  const overdueStep: Partial<Record<SessionStatus, NextStep['step']>> = { planning: 'close-planning', 'jury-review': 'declarations', 'exam-day': 'candidate', deliberated: 'pv-seal' };
  if (session.overdue && overdueStep[session.status]) return { step: overdueStep[session.status]!, waitsFor: session.overdue.reason, by: 'managers' };
  if (session.status === 'exam-day') {
    const current = planning.registrations.find((r) => r.id === session.examDay?.current);
    return { step: 'candidate', waitsFor: current ? `${fullName(current.candidate)}'s exam and deliberation (EXAM-1, DELIB-4)` : 'the workflow to call the next candidate' };
  }
  if (session.status === 'deliberated') return { step: 'pv-seal', waitsFor: 'the PV to be signed by the jurors and the session manager, stamped and sealed (PV-4, PV-6)', by: 'managers' };
  if (session.status === 'jury-review') {
    return { step: 'declarations', waitsFor: blockers.length === 0 ? 'every juror to declare their links with the candidates (JURY-4)' : 'the blockers to be resolved: declarations, or another juror assigned (JURY-4)' };
  }
  if (session.status === 'ready-for-exam') {
    const { date, timeZone } = calendarOf(session);
    const startsAt = localInstant(date, session.startTime ?? DEFAULT_START_TIME, timeZone);
    return { step: 'exam-day', waitsFor: `the exam day, which starts at ${describeInstant(startsAt, timeZone)}`, at: startsAt.toISOString() };
  }
  if (session.planningClosed) return { step: 'workflow', waitsFor: 'the workflow to check the jury and registrations and open intake' };
  if (session.pendingStep?.step !== 'planning') return { step: 'workflow', waitsFor: 'the workflow to open planning' };
  return {
    step: 'close-planning',
    waitsFor: blockers.length === 0 ? 'the session manager to close planning' : 'the session manager to resolve the blockers, then close planning',
    by: 'managers',
  };
}

/**
 * Reads a session the caller may see: its record, its workflow status read from the execution,
 * what it waits for next and what blocks it, with rule IDs.
 */
export async function getSession(deps: Pick<Deps, 'sessions' | 'jurors' | 'workflow'>, caller: Caller, sessionId: string): Promise<SessionView> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  const [assigned, workflow] = await Promise.all([
    assignedJurors(deps.jurors, planning),
    deps.workflow.describe(sessionId),
  ]);
  const blockers =
    planning.session.status === 'planning'
      ? planningViolations(planning, assigned)
      : planning.session.status === 'jury-review'
        ? [...eligibilityOf(planning, assigned).violations, ...missingDeclarations(planning, assigned)]
        : [];
  return {
    ...publicSession(planning.session),
    workflow,
    next: nextStep(planning, blockers),
    blockers,
    jurors: assigned.map((j) => ({ jurorId: j.id, firstName: j.firstName, lastName: j.lastName })),
    candidates: planning.registrations.length,
  };
}
