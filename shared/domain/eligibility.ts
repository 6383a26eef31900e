import { checkOf, type Check } from './check';
import { violation, type Violation } from './errors';
import type { SessionCandidate } from './jury';
import { fullName, joinNames, type Person } from './people';

/** Jurors without conflict each candidate needs (JURY-4). */
export const MIN_ELIGIBLE_JURORS_PER_CANDIDATE = 2;

/** A juror's declaration that they know a candidate (JURY-4, Q27). */
export interface ConflictDeclaration {
  jurorId: string;
  candidateId: string;
  nature: 'personal' | 'professional';
  declaredAt: Date;
  description?: string;
}

/** One candidate's row of the juror × candidate matrix. */
export interface EligibilityRow {
  registrationId: string;
  candidateId: string;
  candidateName: string;
  /** Jurors who may evaluate this candidate. */
  eligibleJurorIds: string[];
  /** Jurors who declared a link with this candidate and must not evaluate them. */
  conflictedJurorIds: string[];
}

/** The matrix and the JURY-4 violations of candidates left with fewer than 2 eligible jurors. */
export interface EligibilityMatrix extends Check {
  rows: EligibilityRow[];
  /** Registration ids of candidates who lack 2 jurors without conflict. */
  candidatesLackingJurors: string[];
}

/**
 * JURY-4: who may evaluate whom. A juror who declared a link with a candidate does not
 * evaluate them; every candidate still needs at least 2 jurors without conflict.
 */
export function eligibilityMatrix(jurors: readonly Person[], candidates: readonly SessionCandidate[], conflicts: readonly ConflictDeclaration[]): EligibilityMatrix {
  const found: Violation[] = [];
  const rows = candidates.map((c): EligibilityRow => {
    const conflicted = jurors.filter((j) => conflicts.some((d) => d.jurorId === j.id && d.candidateId === c.id)); // JURY-4
    const eligible = jurors.filter((j) => !conflicted.includes(j));
    if (eligible.length < MIN_ELIGIBLE_JURORS_PER_CANDIDATE) {
      const names = eligible.map(fullName);
      const who = eligible.length === 0 ? 'no juror' : `only ${joinNames(names)}`;
      const quiFr = eligible.length === 0 ? 'aucun juré ne peut' : `il n'y a que ${joinNames(names, 'fr')} qui ${eligible.length === 1 ? 'puisse' : 'puissent'}`;
      found.push(
        violation('JURY-4', {
          en: `${who} can evaluate ${fullName(c)} without conflict; ${MIN_ELIGIBLE_JURORS_PER_CANDIDATE} are required, so add a juror or rearrange the session`,
          fr: `${quiFr} évaluer ${fullName(c)} sans conflit d'intérêts ; il en faut ${MIN_ELIGIBLE_JURORS_PER_CANDIDATE} : ajoutez un juré ou réorganisez la session`,
        }), // JURY-4
      );
    }
    return {
      registrationId: c.registrationId,
      candidateId: c.id,
      candidateName: fullName(c),
      eligibleJurorIds: eligible.map((j) => j.id),
      conflictedJurorIds: conflicted.map((j) => j.id),
    };
  });
  const lacking = rows.filter((r) => r.eligibleJurorIds.length < MIN_ELIGIBLE_JURORS_PER_CANDIDATE).map((r) => r.registrationId);
  return { ...checkOf(found), rows, candidatesLackingJurors: lacking };
}

/** A link between a juror and a candidate discovered by someone, possibly after the exam. */
export interface ConflictFinding {
  jurorId: string;
  candidateId: string;
  foundAt: Date;
  description: string;
}

/** Whether a finding invalidates the session, always with the reason. */
export interface ConflictAssessment extends Check {
  invalidatesSession: boolean;
}

/**
 * JURY-5: a conflict the juror had not declared before the candidate's exam started
 * (`examStartAt`, or the finding itself when the exam has not started) invalidates the session.
 */
export function assessConflictFinding(
  finding: ConflictFinding,
  declarations: readonly ConflictDeclaration[],
  names: { juror: string; candidate: string },
  examStartAt?: Date,
): ConflictAssessment {
  const cutoff = examStartAt ?? finding.foundAt;
  const declaredInTime = declarations.some(
    (d) => d.jurorId === finding.jurorId && d.candidateId === finding.candidateId && d.declaredAt.getTime() <= cutoff.getTime(),
  );
  if (declaredInTime) return { ...checkOf([]), invalidatesSession: false };
  return {
    ...checkOf([
      violation('JURY-5', {
        en: `${names.juror} had not declared a link with ${names.candidate} (${finding.description}); the session is invalidated`,
        fr: `${names.juror} n'avait pas déclaré de lien avec ${names.candidate} (${finding.description}) ; la session est invalidée`,
      }),
    ]), // JURY-5
    invalidatesSession: true,
  };
}
