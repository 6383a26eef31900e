import { computeScope, Forbidden, referentialFor, type Scope } from '../../domain';
import type { Caller } from '../caller';
import { toDomainRegistration } from '../sessions/planning-check';
import type { RegistrationRecord, SessionPlanning } from '../sessions/records';

/** The candidate themself, or a manager of the session's centre, may act on a registration's deliverables. */
export function assertCandidateOrManager(caller: Caller, planning: SessionPlanning, registration: RegistrationRecord): void {
  if (caller.roles.includes('candidates') && registration.candidate.userId === caller.id) return;
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId) return;
  throw new Forbidden({
    en: "only the candidate themself or a manager of the session's centre may act on these deliverables",
    fr: 'seuls le candidat lui-même ou un responsable du centre de la session peuvent agir sur ces livrables',
  });
}

/** What a registration puts in front of the jury: its blocks, modalities and owed deliverables (DELIV-1, RETAKE-2). */
export function scopeOf(planning: SessionPlanning, registration: RegistrationRecord): Scope {
  return computeScope(referentialFor(planning.session.titleCode), toDomainRegistration(registration));
}
