import { Conflict, NotFound } from '../../domain/errors';
import { WORKFLOW_ACTOR } from '../caller';
import type { SessionRepository } from './ports';
import type { SessionRecord } from './session-record';

/** What the workflow's task functions need. */
export interface WorkflowStepDeps {
  sessions: SessionRepository;
  now: () => Date;
  newId: () => string;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies a workflow change to a session with its audit event, re-reading and retrying
 * when a concurrent writer got there first. `change` returns undefined when the session
 * already holds the change, which makes duplicate deliveries idempotent.
 */
async function changeSession(
  deps: WorkflowStepDeps,
  sessionId: string,
  action: string,
  change: (session: SessionRecord, at: string) => { session: SessionRecord; details: Record<string, unknown> } | undefined,
): Promise<SessionRecord> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.sessions.get(sessionId);
    if (!current) throw new NotFound(`no session ${sessionId}`);
    const at = deps.now().toISOString();
    const changed = change(current, at);
    if (!changed) return current;
    const next = { ...changed.session, updatedAt: at, version: current.version + 1 };
    try {
      await deps.sessions.update(next, current.version, {
        sessionId,
        at,
        eventId: deps.newId(),
        actor: WORKFLOW_ACTOR,
        action,
        details: changed.details,
      });
      return next;
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Records on the session that its lifecycle execution runs. */
export function recordWorkflowStarted(deps: WorkflowStepDeps, sessionId: string, executionArn: string): Promise<SessionRecord> {
  return changeSession(deps, sessionId, 'workflow.started', (session) =>
    session.executionArn === executionArn ? undefined : { session: { ...session, executionArn }, details: { executionArn } },
  );
}

/** Stores the token of the human step the workflow now waits for. */
export function recordPendingStep(deps: WorkflowStepDeps, sessionId: string, step: string, taskToken: string): Promise<SessionRecord> {
  return changeSession(deps, sessionId, 'workflow.waiting', (session, at) =>
    session.pendingStep?.taskToken === taskToken
      ? undefined
      : { session: { ...session, pendingStep: { step, taskToken, since: at } }, details: { step } },
  );
}

/** Records why the session's workflow failed, so the API and ops can see it. */
export function recordWorkflowFailure(
  deps: WorkflowStepDeps,
  sessionId: string,
  failure: { error: string; cause: string },
): Promise<SessionRecord> {
  return changeSession(deps, sessionId, 'workflow.failed', (session) =>
    session.status === 'failed'
      ? undefined
      : { session: { ...session, status: 'failed', failure, pendingStep: undefined }, details: failure },
  );
}
