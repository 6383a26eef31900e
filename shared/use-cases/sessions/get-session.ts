import { NotFound } from '../../domain/errors';
import type { Caller } from '../caller';
import type { SessionRepository, SessionWorkflow, WorkflowStatus } from './ports';
import { assertCanReadSession } from './session-access';
import { publicSession, type PublicSession } from './session-record';

/** What reading a session needs. */
export interface GetSessionDeps {
  sessions: SessionRepository;
  workflow: SessionWorkflow;
}

/** A session with its workflow status, read from its execution. */
export interface SessionView extends PublicSession {
  workflow: WorkflowStatus;
}

/** Reads a session the caller may see, with the status of its execution. */
export async function getSession(deps: GetSessionDeps, caller: Caller, sessionId: string): Promise<SessionView> {
  const session = await deps.sessions.get(sessionId);
  if (!session) throw new NotFound(`no session ${sessionId}`);
  assertCanReadSession(caller, session);
  return { ...publicSession(session), workflow: await deps.workflow.describe(sessionId) };
}
