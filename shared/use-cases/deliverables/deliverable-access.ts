import { computeScope, Forbidden, NotFound, referentialFor, type Scope } from '../../domain';
import type { Caller } from '../caller';
import { toDomainRegistration } from '../sessions/planning-check';
import type { RegistrationRecord, SessionPlanning } from '../sessions/records';

/** A registration of the session, or NotFound. */
export function registrationOf(planning: SessionPlanning, registrationId: string): RegistrationRecord {
  const registration = planning.registrations.find((r) => r.id === registrationId);
  if (!registration) throw new NotFound(`no registration ${registrationId} in session ${planning.session.id}`);
  return registration;
}

/** The candidate themself, or a manager of the session's centre, may act on a registration's deliverables. */
export function assertCandidateOrManager(caller: Caller, planning: SessionPlanning, registration: RegistrationRecord): void {
  if (caller.roles.includes('candidates') && registration.candidate.userId === caller.id) return;
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId) return;
  throw new Forbidden('only the candidate themself or a manager of the session\'s centre may act on these deliverables');
}

/** What a registration puts in front of the jury: its blocks, modalities and owed deliverables (DELIV-1, RETAKE-2). */
export function scopeOf(planning: SessionPlanning, registration: RegistrationRecord): Scope {
  return computeScope(referentialFor(planning.session.titleCode), toDomainRegistration(registration));
}
