import { Forbidden, NotFound } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import type { RegistrationRecord } from '../sessions/records';
import { assertCanReadSession } from '../sessions/session-access';
import { loadPlanning } from '../sessions/planning-reads';

/** A session's registrations, for those who may see the session. */
export async function listRegistrations(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string): Promise<RegistrationRecord[]> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  return planning.registrations;
}

/** One registration: for those who may see the session, and for the candidate it registers. */
export async function getRegistration(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, registrationId: string): Promise<RegistrationRecord> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const registration = planning.registrations.find((r) => r.id === registrationId);
  if (caller.roles.includes('candidates') && registration?.candidate.userId === caller.id) return registration;
  if (caller.roles.every((role) => role === 'candidates')) throw new Forbidden('a candidate sees only their own registration');
  await assertCanReadSession(caller, planning, deps.jurors);
  if (!registration) throw new NotFound(`no registration ${registrationId} in session ${sessionId}`);
  return registration;
}

/** The caller's own registrations, as a candidate. */
export function myRegistrations(deps: Pick<Deps, 'sessions'>, caller: Caller): Promise<RegistrationRecord[]> {
  return deps.sessions.registrationsOfCandidate(caller.id);
}
