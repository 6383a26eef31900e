import { checkAppealAdmissible, checkAppealInTime, Conflict, describeInstant, Forbidden, violation, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { loadPlanning, registrationOf } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import type { AppealRecord } from './records';

/** The sessions a candidate may appeal against: from their exam day on (QUAL-1). */
const APPEALABLE = new Set(['exam-day', 'deliberated', 'sealed', 'results-released']);

/** An appeal as its candidate, the centre's managers and the quality committee read it. */
export type AppealView = Omit<AppealRecord, 'userId'> & { timeZone: string };

function viewOf(appeal: AppealRecord, planning: SessionPlanning): AppealView {
  const { userId: _account, ...rest } = appeal;
  return { ...rest, timeZone: calendarOf(planning.session).timeZone };
}

/** QUAL-2: a session the committee annulled has no result left to appeal against. */
function annulledAlready(sessionId: string, decidedAt: string, timeZone: string): Violation {
  return violation('QUAL-2', {
    en: `session ${sessionId} was annulled on ${decidedAt}; its results are already void`,
    fr: `la session ${sessionId} a été annulée le ${describeInstant(new Date(decidedAt), timeZone, 'fr')} ; ses résultats sont déjà nuls`,
  });
}

/** Only the candidate of the registration files or reads their appeals. */
function assertOwnRegistration(caller: Caller, planning: SessionPlanning, registrationId: string): void {
  const registration = registrationOf(planning, registrationId);
  if (!caller.roles.includes('candidates') || registration.candidate.userId !== caller.id) {
    throw new Forbidden({
      en: 'QUAL-1: a candidate appeals, and reads the appeals, of their own registration only',
      fr: 'QUAL-1 : un candidat ne forme de recours, et ne consulte les recours, que pour sa propre inscription',
    });
  }
}

/**
 * A candidate appeals against their session (QUAL-1), with grounds and what happened. Admissible
 * only on the QUAL-1 grounds, within the certifier's window, against a session that was not
 * annulled: an admissible appeal goes to the quality committee's queue (QUAL-2); an inadmissible
 * one is recorded and answered with why. Either way the filing is kept.
 */
export async function fileAppeal(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  input: { ground: string; statement: string },
  appealId = deps.newId(),
): Promise<AppealView> {
  let appeal: AppealRecord | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), (current, at) => {
    assertOwnRegistration(caller, current, registrationId);
    const { session } = current;
    const existing = current.appeals.find((a) => a.id === appealId);
    if (existing) {
      appeal = existing;
      return undefined;
    }
    if (!APPEALABLE.has(session.status) && session.status !== 'annulled') {
      throw new Conflict({
        en: `QUAL-1: an appeal concerns how an exam was held; session ${sessionId} has not held its exam day yet (it is in ${session.status})`,
        fr: `QUAL-1 : un recours porte sur le déroulement d'une épreuve ; la session ${sessionId} n'a pas encore tenu son jour d'examen (elle est à l'état ${session.status})`,
      });
    }
    const registration = registrationOf(current, registrationId);
    const closesAt = session.results ? new Date(session.results.appealsCloseAt) : undefined;
    const why: Violation[] = [
      ...checkAppealAdmissible(
        { id: appealId, sessionId, registrationId, candidateId: caller.id, ground: input.ground, statement: input.statement, filedAt: new Date(at) },
        { id: registration.id, candidateId: registration.candidate.userId, sessionId },
      ).violations, // QUAL-1
      ...checkAppealInTime(new Date(at), closesAt, calendarOf(session).timeZone).violations, // QUAL-1
      ...(session.annulment ? [annulledAlready(sessionId, session.annulment.decidedAt, calendarOf(session).timeZone)] : []),
    ];
    appeal = {
      id: appealId,
      sessionId,
      registrationId,
      userId: caller.id,
      ground: input.ground,
      statement: input.statement,
      filedAt: at,
      status: why.length > 0 ? 'inadmissible' : 'open',
      ...(why.length > 0 ? { why } : {}),
      ...(closesAt ? { windowClosesAt: closesAt.toISOString() } : {}),
    };
    return { items: [{ kind: 'appeal', record: appeal, create: true }], action: why.length > 0 ? 'appeal.inadmissible' : 'appeal.filed', details: { appealId, registrationId, ground: input.ground, status: appeal.status, why } };
  });
  return viewOf(appeal!, planning);
}

/** A candidate's own appeals against a session, with what became of them. */
export async function listOwnAppeals(deps: Pick<Deps, 'sessions'>, caller: Caller, sessionId: string, registrationId: string): Promise<AppealView[]> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  assertOwnRegistration(caller, planning, registrationId);
  return planning.appeals.filter((a) => a.registrationId === registrationId).map((a) => viewOf(a, planning));
}
