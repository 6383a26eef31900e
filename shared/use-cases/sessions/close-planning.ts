import { Conflict, RuleViolation, type Violation } from '../../domain/errors';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { planningViolations } from './planning-check';
import { assignedJurors } from './planning-reads';
import type { SessionRecord } from './records';
import { assertManagesSession } from './session-access';
import { applySessionChange } from './session-changes';

/** Planning cannot close: the jury or registrations break rules, listed with their IDs (HTTP 422). */
export class PlanningBlocked extends RuleViolation {}

function sameViolations(a: readonly Violation[] = [], b: readonly Violation[] = []): boolean {
  return a.length === b.length && a.every((v, i) => v.message === b[i]?.message);
}

/**
 * The manager closes planning. The jury (JURY-1..3) and the registrations (RETAKE-2, RETAKE-4)
 * are checked on the session date: when a rule is broken the reasons are stored on the session,
 * which stays in planning, and the caller gets them all. Otherwise the closing is recorded and
 * the workflow's planning step completed, so that it checks again and opens intake. Calling it
 * again after a success only completes the step again, which makes it safe to retry.
 */
export async function closePlanning(deps: Pick<Deps, 'sessions' | 'jurors' | 'workflow' | 'now' | 'newId'>, caller: Caller, sessionId: string): Promise<SessionRecord> {
  let violations: Violation[] = [];
  const { session } = await applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
    const current = planning.session;
    assertManagesSession(caller, current);
    if (current.status !== 'planning') {
      throw new Conflict({
        en: `session ${current.id} is past planning (it is in ${current.status})`,
        fr: `la session ${current.id} a passé l'étape de la planification (elle est à l'état ${current.status})`,
      });
    }
    if (current.planningClosed) return undefined;
    if (current.pendingStep?.step !== 'planning') {
      throw new Conflict({
        en: `the workflow of session ${current.id} is not waiting for planning yet; try again in a moment`,
        fr: `le processus de la session ${current.id} n'attend pas encore la clôture de la planification ; réessayez dans un instant`,
      });
    }
    violations = planningViolations(planning, await assignedJurors(deps.jurors, planning));
    if (violations.length > 0) {
      if (sameViolations(violations, current.blockers)) return undefined;
      return { session: { blockers: violations }, action: 'planning.blocked', details: { violations } };
    }
    return { session: { blockers: [], planningClosed: { at, by: caller.id } }, action: 'planning.closed', details: {} };
  });
  if (violations.length > 0) throw new PlanningBlocked(violations);
  if (session.pendingStep?.step === 'planning' && session.status === 'planning') {
    await deps.workflow.completeStep(session.pendingStep.taskToken, { closedBy: session.planningClosed?.by ?? caller.id });
  }
  return session;
}
