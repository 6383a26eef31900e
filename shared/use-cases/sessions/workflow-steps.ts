import { intakeClosesAt } from '../../domain/deliverables';
import type { Violation } from '../../domain/errors';
import type { Sentence } from '../../domain/sentence';
import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { completeDeclarationsIfDone, eligibilityOf } from '../deliverables/jury-access';
import { completeCandidateStepIfDone } from '../exam-day/candidate-steps';
import { completeSealStep } from '../records/pv-seal';
import { planningViolations } from './planning-check';
import { assignedJurors } from './planning-reads';
import { calendarOf, type SessionRecord } from './records';
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

/** Stores the token of the human step the workflow now waits for (for a candidate's step, whose). Idempotent for the same token. */
function recordPendingStep(deps: WorkflowStepDeps, sessionId: string, step: string, taskToken: string, registrationId?: string) {
  return applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }, at) =>
    session.pendingStep?.taskToken === taskToken
      ? undefined
      : { session: { pendingStep: { step, ...(registrationId ? { registrationId } : {}), taskToken, since: at } }, action: 'workflow.waiting', details: { step, ...(registrationId ? { registrationId } : {}) } },
  );
}

/**
 * Stores the token of the human step the workflow waits for; when the step is already done (the
 * jury's declarations complete, JURY-4; the candidate absent or deliberated), completes it at once,
 * so that a retried or restarted step never waits for what happened already.
 */
export async function awaitHumanStep(
  deps: WorkflowStepDeps & Pick<Deps, 'workflow'>,
  sessionId: string,
  step: string,
  taskToken: string,
  registrationId?: string,
): Promise<SessionRecord> {
  const planning = await recordPendingStep(deps, sessionId, step, taskToken, registrationId);
  if (step === 'declarations') {
    await completeDeclarationsIfDone(deps, planning, eligibilityOf(planning, await assignedJurors(deps.jurors, planning)));
  }
  if (step === 'candidate' && registrationId) await completeCandidateStepIfDone(deps, planning, registrationId);
  if (step === 'pv-seal') await completeSealStep(deps, planning);
  return planning.session;
}

/** What blocks a session whose human step was not done in time, and what resolves it, in English and in French. */
const OVERDUE_STEP: Record<string, (sessionId: string) => Sentence> = {
  candidate: (id) => ({
    en: `the candidate the jury hears has not been deliberated, nor recorded absent, hours after their turn came; finish their grid (PUT /sessions/${id}/candidates/{registrationId}/grid, then every juror signs it) or record them absent (POST …/check-in)`,
    fr: `le candidat entendu par le jury n'a été ni délibéré ni déclaré absent, plusieurs heures après son passage ; le jury complète sa grille et chaque juré la signe (onglet Grilles d'évaluation), ou déclarez-le absent (onglet Jour d'examen, émargement)`,
  }),
  'pv-seal': (id) => ({
    en: `the PV of session ${id} has not been signed and sealed within a week of the exam day; it waits for the signatures, the stamp and the seal (PV-6)`,
    fr: `le PV de la session ${id} n'a été ni signé ni scellé dans la semaine qui a suivi le jour d'examen ; il attend les signatures, le cachet et le scellement (PV-6)`,
  }),
  planning: (id) => ({
    en: `planning was not closed within a year of the session's creation; the session waits for it: resolve the blockers and close planning (POST /sessions/${id}/close-planning)`,
    fr: `la planification n'a pas été close dans l'année qui a suivi la création de la session ; la session l'attend : levez les blocages et clôturez la planification (onglet Planification, « Clore la planification »)`,
  }),
  declarations: (id) => ({
    en: `JURY-4: not every juror declared their links with the candidates by the eve of the exam, so the session cannot go to its exam day; remind the jurors named in the blockers to declare (POST /sessions/${id}/declarations), assign another juror (POST /sessions/${id}/jurors), or withdraw a juror who will not declare (DELETE /sessions/${id}/jurors/{jurorId})`,
    fr: `JURY-4 : certains jurés n'ont pas déclaré leurs liens avec les candidats au plus tard la veille de l'épreuve, la session ne peut donc pas passer à son jour d'examen ; relancez les jurés nommés dans les blocages pour qu'ils déclarent leurs liens, affectez un autre juré ou retirez un juré qui ne déclarera pas (onglet Planification, « Jurés »)`,
  }),
};

/** Why a session is blocked when its human step `step` was not done in time, and what resolves it (JURY-4, PV-6…). */
export function overdueReason(step: string, sessionId: string): Sentence {
  return (
    OVERDUE_STEP[step]?.(sessionId) ?? {
      en: `the step "${step}" was not done in time; the session waits for it`,
      fr: `l'étape "${step}" n'a pas été accomplie dans les délais ; la session l'attend`,
    }
  );
}

/**
 * A human step timed out: the session is blocked, with the reason and the ways out, and the
 * workflow waits for the step again. Nothing fails: a person resolves it through the API. Idempotent.
 */
export async function recordStepOverdue(deps: WorkflowStepDeps, sessionId: string, step: string): Promise<SessionRecord> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }, at) => {
    if (session.overdue?.step === step) return undefined;
    const { en: reason, fr: reasonFr } = overdueReason(step, sessionId);
    return { session: { overdue: { step, since: at, reason, reasonFr } }, action: 'workflow.step-overdue', details: { step, reason, reasonFr } };
  });
  return planning.session;
}

/** The sentence that says why a session's workflow stopped. */
export function failureReason(error: string): Sentence {
  return {
    en: `a step of the workflow failed (${error}); ops must look at the session's execution`,
    fr: `une étape du processus de la session a échoué (${error}) ; l'équipe d'exploitation doit examiner l'exécution de la session`,
  };
}

/** Records why the session's workflow failed, so the API and ops can see it. Idempotent. */
export async function recordWorkflowFailure(deps: WorkflowStepDeps, sessionId: string, failure: { error: string; cause: string }): Promise<SessionRecord> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) => {
    if (session.status === 'failed') return undefined;
    const { en: reason, fr: reasonFr } = failureReason(failure.error);
    const recorded = { ...failure, reason, reasonFr };
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
    return planning.session.pendingStep || planning.session.overdue ? { session: { pendingStep: undefined, overdue: undefined }, action: 'planning.checked', details: {} } : undefined;
  });
  return { accepted: violations.length === 0, violations };
}

/**
 * `OpenIntake`: the session moves to deliverable intake, which closes at 00:00 of D−5 in the
 * session's zone (DELIV-4). Returns that instant (UTC, for the Wait state).
 */
export async function openIntake(deps: WorkflowStepDeps, sessionId: string): Promise<{ closesAt: string }> {
  const planning = await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, ({ session }) => {
    if (session.status === 'intake' && session.intake) return undefined;
    const intake = { closesAt: intakeClosesAt(calendarOf(session)).toISOString() }; // DELIV-4
    return { session: { status: 'intake', intake, blockers: [] }, action: 'intake.opened', details: { ...intake, timeZone: calendarOf(session).timeZone } };
  });
  return { closesAt: planning.session.intake!.closesAt };
}
