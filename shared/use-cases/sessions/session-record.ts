/** Where a session stands in its life. */
export type SessionStatus = 'planning' | 'failed';

/** A certification session as stored. */
export interface SessionRecord {
  id: string;
  /** The referential's code, e.g. `RNCP34757`. */
  titleCode: string;
  /** The exam day, `YYYY-MM-DD`. */
  sessionDate: string;
  centreId: string;
  /** The organising centre's address, printed on the PV (PV-2). */
  address: string;
  remote: boolean;
  status: SessionStatus;
  /** Why the workflow stopped, when it did. */
  failure?: { error: string; cause: string };
  executionArn?: string;
  /** The human step the workflow waits for, and the token that completes it. */
  pendingStep?: { step: string; taskToken: string; since: string };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Incremented by every write; a writer holding an older version gets a conflict. */
  version: number;
}

/** A session as callers see it: the workflow's task token never leaves the service. */
export type PublicSession = Omit<SessionRecord, 'pendingStep'> & { pendingStep?: { step: string; since: string } };

/** Strips what callers must not see from a stored session. */
export function publicSession(session: SessionRecord): PublicSession {
  const { pendingStep, ...rest } = session;
  return pendingStep ? { ...rest, pendingStep: { step: pendingStep.step, since: pendingStep.since } } : rest;
}
