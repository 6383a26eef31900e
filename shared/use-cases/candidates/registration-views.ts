import type { CandidateStage, Scope } from '../../domain';
import { scopeOf } from '../deliverables/deliverable-access';
import type { ExamRecord } from '../exam-day/records';
import { calendarOf, type ConflictDeclarationRecord, type RegistrationRecord, type SessionPlanning, type SessionRecord } from '../sessions/records';

/**
 * A registration as the centre's managers and the quality committee read it: everything,
 * including the candidate's e-mail and the justification of an accommodation (health data).
 */
export type FullRegistrationView = RegistrationRecord & {
  timeZone: string;
  /**
   * The candidate's exam day as recorded, once it began (a check-in, an absence): the stage, the
   * check-in with its lateness and the manager's decision (EXAM-3, EXAM-4), the identity check
   * (EXAM-5), the oral's segments as the server stamped them (EXAM-1, EXAM-2). The same record
   * the exam-day POSTs return; carried by the reads of the session's registrations, so that the
   * exam-day console survives a reload.
   */
  exam?: ExamRecord;
};

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
 * What a juror knows of the exam day of a candidate they evaluate (JURY-4): the stage alone.
 * Least knowledge: the jury needs to know whether the candidate is expected, here, absent, in
 * the oral, done and waiting for the deliberation, or deliberated, and the stage says exactly
 * that (check-in presence included: `present` and every later stage but `absent`). The check-in
 * instant and lateness, the manager's decision on a late arrival (EXAM-3: the end time does not
 * move for the jury either way), the identity check (EXAM-5) and the reason of an absence are the
 * session manager's, and stay with the centre's managers and the quality committee.
 */
export interface JurorExamView {
  stage: CandidateStage;
}

/** The juror's own declaration on a candidate (JURY-4): the link they declared and when. */
export type JurorDeclarationView = Pick<ConflictDeclarationRecord, 'link' | 'description' | 'declaredAt'>;

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
  /**
   * The candidate's stage on the exam day, once it began, and only for a candidate this juror
   * evaluates (JURY-4: not one they declared a link with); see `JurorExamView`.
   */
  exam?: JurorExamView;
  /** What this juror declared on the candidate (JURY-4), once they did; never another juror's declaration. */
  myDeclaration?: JurorDeclarationView;
}

/**
 * Who reads a registration, as far as its personal data goes: the centre (its managers, the
 * quality committee), the candidate it registers, or a juror of the session, with whether they
 * evaluate that candidate (JURY-4).
 */
export type RegistrationReader = { audience: 'centre' } | { audience: 'candidate' } | { audience: 'juror'; jurorId: string; evaluates: boolean };

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

function jurorView(registration: RegistrationRecord, planning: SessionPlanning, jurorId: string, evaluates: boolean): JurorRegistrationView {
  const scope: Scope = scopeOf(planning, registration);
  const exam = evaluates ? planning.exams.find((e) => e.registrationId === registration.id) : undefined;
  const declaration = planning.declarations.find((d) => d.jurorId === jurorId && d.registrationId === registration.id);
  return {
    id: registration.id,
    sessionId: registration.sessionId,
    timeZone: calendarOf(planning.session).timeZone,
    candidate: { firstName: registration.candidate.firstName, lastName: registration.candidate.lastName },
    attempt: registration.attempt,
    blocksInScope: scope.blocks.map((b) => b.code),
    deliverablesOwed: scope.deliverables.map((d) => d.id),
    ...extraMinutes(registration),
    ...(exam ? { exam: { stage: exam.stage } } : {}),
    ...(declaration
      ? { myDeclaration: { link: declaration.link, ...(declaration.description ? { description: declaration.description } : {}), declaredAt: declaration.declaredAt } }
      : {}),
  };
}

/** The centre's view: the whole registration, with its exam day once it began. */
function centreView(registration: RegistrationRecord, planning: SessionPlanning): FullRegistrationView {
  const exam = planning.exams.find((e) => e.registrationId === registration.id);
  return { ...registration, timeZone: calendarOf(planning.session).timeZone, ...(exam ? { exam } : {}) };
}

/** A registration cut to what its audience may know (GDPR data minimisation). */
export function registrationView(
  registration: RegistrationRecord,
  planning: SessionPlanning,
  reader: RegistrationReader,
): FullRegistrationView | CandidateRegistrationView | JurorRegistrationView {
  if (reader.audience === 'centre') return centreView(registration, planning);
  if (reader.audience === 'candidate') return candidateView(registration, planning.session);
  return jurorView(registration, planning, reader.jurorId, reader.evaluates);
}
