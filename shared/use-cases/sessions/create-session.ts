import { Conflict, InvalidInput } from '../../domain/errors';
import { describeDate, localDate } from '../../domain/dates';
import type { CreateSessionInput } from '../../schemas/session-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { isKnownTitle } from '../titles';
import type { SessionRecord } from './records';
import { managerCentre } from './session-access';

/** Checks a session's dates against `now`: the session after today in its own zone, the cohort's prairie after its start. */
export function assertSessionDates(input: Pick<SessionRecord, 'sessionDate' | 'cohort' | 'timeZone'>, now: Date): void {
  const today = localDate(now, input.timeZone);
  if (input.sessionDate <= today) {
    throw new InvalidInput(
      {
        en: `sessionDate: ${input.sessionDate} is not after today (${today} in ${input.timeZone}); a session is planned ahead`,
        fr: `sessionDate : le ${describeDate(input.sessionDate, 'fr')} n'est pas postérieur à aujourd'hui (${describeDate(today, 'fr')} dans le fuseau ${input.timeZone}) ; une session se planifie à l'avance`,
      },
      'sessionDate',
    );
  }
  if (input.cohort && input.cohort.prairieEnd < input.cohort.startDate) {
    throw new InvalidInput(
      {
        en: `cohort.prairieEnd: ${input.cohort.prairieEnd} is before the cohort starts (${input.cohort.startDate})`,
        fr: `cohort.prairieEnd : le ${describeDate(input.cohort.prairieEnd, 'fr')} précède le début de la promotion (${describeDate(input.cohort.startDate, 'fr')})`,
      },
      'cohort.prairieEnd',
    );
  }
}

/**
 * Creates a session in planning, with its audit event in one transaction, then starts its
 * lifecycle execution, named after the session. A manager creates sessions for their centre.
 */
export async function createSession(deps: Pick<Deps, 'sessions' | 'workflow' | 'now' | 'newId'>, caller: Caller, input: CreateSessionInput, sessionId = deps.newId()): Promise<SessionRecord> {
  const centreId = managerCentre(caller);
  if (!isKnownTitle(input.titleCode)) {
    throw new InvalidInput({ en: `titleCode: ${input.titleCode} is not a title Certiflow knows (REF-1)`, fr: `titleCode : ${input.titleCode} n'est pas un titre connu de Certiflow (REF-1)` }, 'titleCode');
  }
  const at = deps.now();
  assertSessionDates(input, at);
  const timestamp = at.toISOString();
  const session: SessionRecord = {
    id: sessionId,
    titleCode: input.titleCode,
    sessionDate: input.sessionDate,
    timeZone: input.timeZone,
    startTime: input.startTime,
    centreId,
    sessionManager: { userId: caller.id, name: caller.name ?? caller.email ?? caller.id },
    address: input.address,
    remote: input.remote,
    ...(input.cohort ? { cohort: input.cohort } : {}),
    status: 'planning',
    createdAt: timestamp,
    createdBy: caller.id,
    updatedAt: timestamp,
    version: 1,
  };
  try {
    await deps.sessions.commit({
      session,
      expectedVersion: 0,
      audit: {
        subject: { type: 'session', id: session.id },
        at: timestamp,
        eventId: deps.newId(),
        actor: actorOf(caller),
        action: 'session.created',
        details: { titleCode: session.titleCode, sessionDate: session.sessionDate, timeZone: session.timeZone, centreId },
      },
    });
  } catch (error) {
    // A retry of a creation whose workflow failed to start (same Idempotency-Key, same id):
    // the session exists; starting its execution again is idempotent.
    const existing = error instanceof Conflict ? await deps.sessions.get(session.id) : undefined;
    if (!existing || existing.createdBy !== caller.id) throw error;
    await deps.workflow.start(existing.id);
    return existing;
  }
  await deps.workflow.start(session.id);
  return session;
}
