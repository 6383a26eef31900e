import { intakeClosesAt, intakeDeadline } from '../../domain/deliverables';
import type { Violation } from '../../domain/errors';
import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { completeDeclarationsIfDone, eligibilityOf } from '../deliverables/jury-access';
import { planningViolations } from './planning-check';
import { assignedJurors } from './planning-reads';
import type { SessionRecord } from './records';
import { applySessionChange } from './session-changes';

/** What the workflow's task functions need. */
export type WorkflowStepDeps = Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>;

/** Records on the session that its lifecycle execution runs. Idempotent. */
export async function recordWorkflowStarted(deps: WorkflowStepDeps, sessionId: string, executionArn: string): Promise<SessionRecord> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) =>
    session.executionArn === executionArn ? undefined : { session: { executionArn }, action: 'workflow.started', details: { executionArn } },
  );
  return planning.session;
}

/** Stores the token of the human step the workflow now waits for. Idempotent for the same token. */
export async function recordPendingStep(deps: WorkflowStepDeps, sessionId: string, step: string, taskToken: string): Promise<SessionRecord> {
  const planning = await recordPendingStepPlanning(deps, sessionId, step, taskToken);
  return planning.session;
}

function recordPendingStepPlanning(deps: WorkflowStepDeps, sessionId: string, step: string, taskToken: string) {
  return applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }, at) =>
    session.pendingStep?.taskToken === taskToken
      ? undefined
      : { session: { pendingStep: { step, taskToken, since: at } }, action: 'workflow.waiting', details: { step } },
  );
}

/**
 * Stores the token of the human step the workflow waits for; when that step is the jury's
 * declarations (JURY-4) and they are already complete, completes it at once.
 */
export async function awaitHumanStep(deps: WorkflowStepDeps & Pick<Deps, 'workflow'>, sessionId: string, step: string, taskToken: string): Promise<SessionRecord> {
  const planning = await recordPendingStepPlanning(deps, sessionId, step, taskToken);
  if (step === 'declarations') {
    await completeDeclarationsIfDone(deps, planning, eligibilityOf(planning, await assignedJurors(deps.jurors, planning)));
  }
  return planning.session;
}

/** `MarkReadyForExamDay`: every candidate has 2 jurors without conflict; the session waits for its exam day. */
export async function markReadyForExamDay(deps: WorkflowStepDeps, sessionId: string): Promise<SessionRecord> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) =>
    session.status === 'ready-for-exam' ? undefined : { session: { status: 'ready-for-exam', pendingStep: undefined, blockers: [] }, action: 'session.ready-for-exam', details: {} },
  );
  return planning.session;
}

/** What a person is told when a human step was not done in time. */
const TIMED_OUT_STEP: Record<string, string> = {
  planning: 'planning was not closed within a year of the session\'s creation; create a new session',
  declarations: 'JURY-4: not every juror declared their links with the candidates before the exam day, so no candidate can be given 2 jurors without conflict; the session cannot go on',
};

/** The sentence that says why a session's workflow stopped. */
export function failureReason(session: SessionRecord, error: string): string {
  if (error === 'States.Timeout' && session.pendingStep) {
    return TIMED_OUT_STEP[session.pendingStep.step] ?? `the step "${session.pendingStep.step}" was not done in time`;
  }
  return `a step of the workflow failed (${error}); ops must look at the session's execution`;
}

/** Records why the session's workflow failed, so the API and ops can see it. Idempotent. */
export async function recordWorkflowFailure(deps: WorkflowStepDeps, sessionId: string, failure: { error: string; cause: string }): Promise<SessionRecord> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) => {
    if (session.status === 'failed') return undefined;
    const recorded = { ...failure, reason: failureReason(session, failure.error) };
    return { session: { status: 'failed', failure: recorded, pendingStep: undefined }, action: 'workflow.failed', details: recorded };
  });
  return planning.session;
}

/**
 * `CheckJuryAndRegistrations`: checks again, after the manager closed planning, that the jury
 * (JURY-1..3) and the registrations (RETAKE-2, RETAKE-4) hold. When they no longer do, planning
 * reopens with the reasons stored, and the workflow goes back to waiting for planning.
 */
export async function checkPlanning(deps: WorkflowStepDeps, sessionId: string): Promise<{ accepted: boolean; violations: Violation[] }> {
  let violations: Violation[] = [];
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, async (planning) => {
    violations = planningViolations(planning, await assignedJurors(deps.jurors, planning));
    if (violations.length > 0) {
      return { session: { blockers: violations, planningClosed: undefined, pendingStep: undefined }, action: 'planning.reopened', details: { violations } };
    }
    return planning.session.pendingStep ? { session: { pendingStep: undefined }, action: 'planning.checked', details: {} } : undefined;
  });
  return { accepted: violations.length === 0, violations };
}

/**
 * `OpenIntake`: the session moves to deliverable intake; the deadline is the session date − 5
 * days (DELIV-4). Returns the instant intake closes, which the workflow waits for.
 */
export async function openIntake(deps: WorkflowStepDeps, sessionId: string): Promise<{ closesAt: string; deadline: string }> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) => {
    if (session.status === 'intake' && session.intake) return undefined;
    const intake = { deadline: intakeDeadline(session.sessionDate), closesAt: intakeClosesAt(session.sessionDate).toISOString() }; // DELIV-4
    return { session: { status: 'intake', intake, blockers: [] }, action: 'intake.opened', details: intake };
  });
  const intake = planning.session.intake!;
  return { closesAt: intake.closesAt, deadline: intake.deadline };
}
