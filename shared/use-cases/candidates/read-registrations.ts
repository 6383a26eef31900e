import { Forbidden, NotFound } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { eligibilityOf } from '../deliverables/jury-access';
import { calendarOf, type SessionPlanning, type SessionRecord } from '../sessions/records';
import { sessionReader, type SessionReader } from '../sessions/session-access';
import { loadPlanning } from '../sessions/planning-reads';
import { candidateView, registrationView, type CandidateRegistrationView, type RegistrationReader } from './registration-views';

/**
 * How each registration of the session is cut for its reader: whole for the centre (its
 * managers, the quality committee); for a juror, with their own declarations and the stage of
 * the candidates they evaluate, from the declared links (JURY-4).
 */
function readerOf(reader: SessionReader, planning: SessionPlanning): (registrationId: string) => RegistrationReader {
  const { juror } = reader;
  if (reader.centre || !juror) return () => ({ audience: 'centre' });
  const evaluated = new Set(
    eligibilityOf(planning, [juror])
      .rows.filter((row) => row.eligibleJurorIds.includes(juror.id))
      .map((row) => row.registrationId),
  );
  return (registrationId) => ({ audience: 'juror', jurorId: juror.id, evaluates: evaluated.has(registrationId) });
}

/**
 * A session's registrations, each cut to what the caller may know: whole for the centre, with
 * each candidate's exam day once it began; name, scope, their own declaration and the stage of
 * the candidates they evaluate for its jurors.
 */
export async function listRegistrations(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string) {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const readerFor = readerOf(await sessionReader(caller, planning, deps.jurors), planning);
  return planning.registrations.map((registration) => registrationView(registration, planning, readerFor(registration.id)));
}

/** One registration: for those who may see the session, and for the candidate it registers, each as they may know it. */
export async function getRegistration(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, registrationId: string) {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const registration = planning.registrations.find((r) => r.id === registrationId);
  if (caller.roles.includes('candidates') && registration?.candidate.userId === caller.id) return registrationView(registration, planning, { audience: 'candidate' });
  if (caller.roles.every((role) => role === 'candidates')) throw new Forbidden({ en: 'a candidate sees only their own registration', fr: 'un candidat ne consulte que sa propre inscription' });
  const reader = await sessionReader(caller, planning, deps.jurors);
  if (!registration) throw new NotFound({ en: `no registration ${registrationId} in session ${sessionId}`, fr: `aucune inscription ${registrationId} dans la session ${sessionId}` });
  return registrationView(registration, planning, readerOf(reader, planning)(registration.id));
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
