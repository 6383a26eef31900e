import { Forbidden, NotFound } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type SessionPlanning, type SessionRecord } from '../sessions/records';
import { assertCanReadSession } from '../sessions/session-access';
import { loadPlanning } from '../sessions/planning-reads';
import { candidateView, registrationView, type CandidateRegistrationView, type RegistrationAudience } from './registration-views';

/** Whether the caller reads the session as its centre (its managers, the quality committee) or as one of its jurors. */
function sessionAudience(caller: Caller, planning: SessionPlanning): RegistrationAudience {
  if (caller.roles.includes('quality')) return 'centre';
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId) return 'centre';
  return 'juror';
}

/** A session's registrations, each cut to what the caller may know: whole for the centre, name and scope for its jurors. */
export async function listRegistrations(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string) {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  const audience = sessionAudience(caller, planning);
  return planning.registrations.map((registration) => registrationView(registration, planning, audience));
}

/** One registration: for those who may see the session, and for the candidate it registers, each as they may know it. */
export async function getRegistration(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, registrationId: string) {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const registration = planning.registrations.find((r) => r.id === registrationId);
  if (caller.roles.includes('candidates') && registration?.candidate.userId === caller.id) return registrationView(registration, planning, 'candidate');
  if (caller.roles.every((role) => role === 'candidates')) throw new Forbidden({ en: 'a candidate sees only their own registration', fr: 'un candidat ne consulte que sa propre inscription' });
  await assertCanReadSession(caller, planning, deps.jurors);
  if (!registration) throw new NotFound({ en: `no registration ${registrationId} in session ${sessionId}`, fr: `aucune inscription ${registrationId} dans la session ${sessionId}` });
  return registrationView(registration, planning, sessionAudience(caller, planning));
}

/** A candidate's registration with what they need to know of its session. */
export interface MyRegistration extends CandidateRegistrationView {
  session: Pick<SessionRecord, 'id' | 'titleCode' | 'sessionDate' | 'timeZone' | 'startTime' | 'status' | 'address'>;
}

/** The caller's own registrations, as a candidate, each with its session's date, zone and status (one Query, one BatchGet). */
export async function myRegistrations(deps: Pick<Deps, 'sessions'>, caller: Caller): Promise<MyRegistration[]> {
  const registrations = await deps.sessions.registrationsOfCandidate(caller.id);
  const sessions = new Map((await deps.sessions.getMany(registrations.map((r) => r.sessionId))).map((s) => [s.id, s]));
  return registrations.flatMap((registration) => {
    const session = sessions.get(registration.sessionId);
    if (!session) return [];
    const { timeZone } = calendarOf(session);
    return [
      {
        ...candidateView(registration, session),
        session: { id: session.id, titleCode: session.titleCode, sessionDate: session.sessionDate, timeZone, startTime: session.startTime, status: session.status, address: session.address },
      },
    ];
  });
}
