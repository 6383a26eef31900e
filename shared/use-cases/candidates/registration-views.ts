import type { Scope } from '../../domain';
import { scopeOf } from '../deliverables/deliverable-access';
import { calendarOf, type RegistrationRecord, type SessionPlanning, type SessionRecord } from '../sessions/records';

/**
 * A registration as the centre's managers and the quality committee read it: everything,
 * including the candidate's e-mail and the justification of an accommodation (health data).
 */
export type FullRegistrationView = RegistrationRecord & { timeZone: string };

/**
 * A registration as the candidate reads their own: their identity and attempt, the extra time
 * granted, never the justification kept on file (health data stays with the centre's managers
 * and the quality committee).
 */
export interface CandidateRegistrationView {
  id: string;
  sessionId: string;
  timeZone: string;
  candidate: RegistrationRecord['candidate'];
  attempt: RegistrationRecord['attempt'];
  previouslyValidatedBlocks: string[];
  previousSessionDate?: string;
  newTraining: boolean;
  /** Extra minutes granted (EXAM-2). */
  extraMinutes?: number;
  /** Their civil-status identity, as recorded for the CPF export. */
  holder?: RegistrationRecord['holder'];
  registeredAt: string;
}

/**
 * A registration as a juror of the session reads it: the candidate's name, what they are
 * judged on, and "extra time: +N min"; no e-mail, no account id, no justification.
 */
export interface JurorRegistrationView {
  id: string;
  sessionId: string;
  timeZone: string;
  candidate: { firstName: string; lastName: string };
  attempt: RegistrationRecord['attempt'];
  /** The blocks judged in this session (RETAKE-2, DELIB-7). */
  blocksInScope: string[];
  /** The deliverables the jury receives (DELIV-1). */
  deliverablesOwed: string[];
  /** Extra minutes granted (EXAM-2). */
  extraMinutes?: number;
}

/** Who reads a registration, as far as its personal data goes. */
export type RegistrationAudience = 'centre' | 'candidate' | 'juror';

function extraMinutes(registration: RegistrationRecord): { extraMinutes?: number } {
  return registration.accommodation ? { extraMinutes: registration.accommodation.extraMinutes } : {};
}

/** The candidate's own view of a registration. */
export function candidateView(registration: RegistrationRecord, session: Pick<SessionRecord, 'sessionDate' | 'timeZone'>): CandidateRegistrationView {
  return {
    id: registration.id,
    sessionId: registration.sessionId,
    timeZone: calendarOf(session).timeZone,
    candidate: registration.candidate,
    attempt: registration.attempt,
    previouslyValidatedBlocks: registration.previouslyValidatedBlocks,
    ...(registration.previousSessionDate ? { previousSessionDate: registration.previousSessionDate } : {}),
    newTraining: registration.newTraining,
    ...extraMinutes(registration),
    ...(registration.holder ? { holder: registration.holder } : {}),
    registeredAt: registration.registeredAt,
  };
}

function jurorView(registration: RegistrationRecord, planning: SessionPlanning): JurorRegistrationView {
  const scope: Scope = scopeOf(planning, registration);
  return {
    id: registration.id,
    sessionId: registration.sessionId,
    timeZone: calendarOf(planning.session).timeZone,
    candidate: { firstName: registration.candidate.firstName, lastName: registration.candidate.lastName },
    attempt: registration.attempt,
    blocksInScope: scope.blocks.map((b) => b.code),
    deliverablesOwed: scope.deliverables.map((d) => d.id),
    ...extraMinutes(registration),
  };
}

/** A registration cut to what its audience may know (GDPR data minimisation). */
export function registrationView(
  registration: RegistrationRecord,
  planning: SessionPlanning,
  audience: RegistrationAudience,
): FullRegistrationView | CandidateRegistrationView | JurorRegistrationView {
  if (audience === 'centre') return { ...registration, timeZone: calendarOf(planning.session).timeZone };
  if (audience === 'candidate') return candidateView(registration, planning.session);
  return jurorView(registration, planning);
}
