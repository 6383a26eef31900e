import {
  checkRegistration,
  checkSessionJury,
  compareIsoDates,
  referentialFor,
  type Habilitation,
  type IsoDate,
  type Juror,
  type Registration,
  type SessionCandidate,
  fullName,
  type Violation,
  violation,
} from '../../domain';
import type { HabilitationRecord, JurorRecord, RegistrationRecord, SessionPlanning, TrainerRecord } from './records';

/** The habilitation that counts on `date`: one valid that day, else the latest, so that the message names it. */
export function habilitationOn(habilitations: readonly HabilitationRecord[], date: IsoDate): Habilitation | undefined {
  const valid = habilitations.find(
    (h) => compareIsoDates(h.validFrom, date) <= 0 && compareIsoDates(date, h.validUntil) <= 0 && (!h.revokedOn || compareIsoDates(date, h.revokedOn) < 0),
  );
  return valid ?? [...habilitations].sort((a, b) => compareIsoDates(b.validUntil, a.validUntil))[0];
}

/** A registry juror as the jury rules see them on the session date. */
export function toDomainJuror(juror: JurorRecord, sessionDate: IsoDate): Juror {
  return {
    id: juror.id,
    firstName: juror.firstName,
    lastName: juror.lastName,
    profession: juror.profession,
    yearsOfExperience: juror.yearsOfExperience,
    habilitation: habilitationOn(juror.habilitations, sessionDate),
  };
}

/** A stored registration as the scope and retake rules see it. */
export function toDomainRegistration(registration: RegistrationRecord): Registration {
  return registration.attempt === 'retake'
    ? {
        kind: 'retake',
        id: registration.id,
        sessionId: registration.sessionId,
        candidateId: registration.candidate.userId,
        previouslyValidatedBlocks: registration.previouslyValidatedBlocks,
        previousSessionDate: registration.previousSessionDate ?? '',
        newTraining: registration.newTraining,
      }
    : { kind: 'first-attempt', id: registration.id, sessionId: registration.sessionId, candidateId: registration.candidate.userId };
}

/** The jurors who are also trainers of the cohort (JURY-3): same e-mail, compared without case. */
export function trainerJurorIds(trainers: readonly TrainerRecord[], jurors: readonly JurorRecord[]): string[] {
  const emails = new Set(trainers.map((t) => t.email.toLowerCase()));
  return jurors.filter((j) => emails.has(j.email.toLowerCase())).map((j) => j.id);
}

/** The session's candidates as the jury rules see them: each trained by the cohort's trainers. */
export function sessionCandidates(planning: SessionPlanning, jurors: readonly JurorRecord[]): SessionCandidate[] {
  const trainerIds = trainerJurorIds(planning.trainers, jurors);
  return planning.registrations.map((r) => ({
    id: r.candidate.userId,
    registrationId: r.id,
    firstName: r.candidate.firstName,
    lastName: r.candidate.lastName,
    trainerIds,
  }));
}

/**
 * JURY-3 for a cohort whose candidates are not registered yet: a trainer of the cohort may not
 * sit on its jury whoever the candidates will be. (With candidates, `checkSessionJury` says it
 * naming them.)
 */
export function cohortTrainerViolations(planning: SessionPlanning, jurors: readonly JurorRecord[]): Violation[] {
  if (planning.registrations.length > 0) return [];
  const trainers = new Set(trainerJurorIds(planning.trainers, jurors));
  return jurors
    .filter((j) => trainers.has(j.id))
    .map((j) =>
      violation('JURY-3', {
        en: `${fullName(j)} trains this session's cohort and cannot sit on its jury`,
        fr: `${fullName(j)} est formateur de la promotion de cette session et ne peut pas siéger à son jury`,
      }),
    ); // JURY-3
}

/**
 * Everything that keeps planning from closing, by rule: the jury (JURY-1, JURY-2, JURY-3) and
 * each registration (RETAKE-2, RETAKE-4), checked on the session date.
 */
export function planningViolations(planning: SessionPlanning, assignedJurors: readonly JurorRecord[]): Violation[] {
  const { session } = planning;
  const ref = referentialFor(session.titleCode);
  const jury = checkSessionJury({
    sessionDate: session.sessionDate,
    jurors: assignedJurors.map((j) => toDomainJuror(j, session.sessionDate)),
    candidates: sessionCandidates(planning, assignedJurors),
  });
  const registrations = planning.registrations.flatMap(
    (r) => checkRegistration(ref, toDomainRegistration(r), session.sessionDate, fullName(r.candidate)).violations,
  );
  return [...jury.violations, ...cohortTrainerViolations(planning, assignedJurors), ...registrations];
}
