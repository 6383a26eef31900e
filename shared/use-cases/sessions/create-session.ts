import { InvalidInput } from '../../domain/errors';
import type { CreateSessionInput } from '../../schemas/session-schemas';
import { actorOf, type Caller } from '../caller';
import type { SessionRepository, SessionWorkflow } from './ports';
import { managerCentre } from './session-access';
import type { SessionRecord } from './session-record';

/** What creating a session needs. */
export interface CreateSessionDeps {
  sessions: SessionRepository;
  workflow: SessionWorkflow;
  now: () => Date;
  newId: () => string;
  /** Whether a referential with this code is defined (REF-1). */
  isKnownTitle: (titleCode: string) => boolean;
}

/**
 * Creates a session in planning, with its audit event in one transaction, then starts its
 * lifecycle execution, named after the session.
 */
export async function createSession(deps: CreateSessionDeps, caller: Caller, input: CreateSessionInput): Promise<SessionRecord> {
  const centreId = managerCentre(caller);
  if (!deps.isKnownTitle(input.titleCode)) {
    throw new InvalidInput(`titleCode: ${input.titleCode} is not a title Certiflow knows (REF-1)`, 'titleCode');
  }
  const at = deps.now();
  const today = at.toISOString().slice(0, 10);
  if (input.sessionDate <= today) {
    throw new InvalidInput(`sessionDate: ${input.sessionDate} is not after today (${today}); a session is planned ahead`, 'sessionDate');
  }
  const timestamp = at.toISOString();
  const session: SessionRecord = {
    id: deps.newId(),
    titleCode: input.titleCode,
    sessionDate: input.sessionDate,
    centreId,
    address: input.address,
    remote: input.remote,
    status: 'planning',
    createdAt: timestamp,
    createdBy: caller.id,
    updatedAt: timestamp,
    version: 1,
  };
  await deps.sessions.create(session, {
    sessionId: session.id,
    at: timestamp,
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'session.created',
    details: { titleCode: session.titleCode, sessionDate: session.sessionDate, centreId },
  });
  await deps.workflow.start(session.id);
  return session;
}
