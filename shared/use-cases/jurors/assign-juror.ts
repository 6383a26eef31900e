import { checkSessionJury, MIN_JURORS, NotFound, RuleViolation, violation, type EligibilityMatrix, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { cohortTrainerViolations, sessionCandidates, toDomainJuror } from '../sessions/planning-check';
import { assignedJurors } from '../sessions/planning-reads';
import type { AssignmentRecord, JurorRecord, SessionPlanning, SessionRecord } from '../sessions/records';
import { completeDeclarationsIfDone, eligibilityOf } from '../deliverables/jury-access';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { notInRegistry } from './registry';

/** The juror cannot sit on this session: not qualified on its date (JURY-2) or a trainer of its cohort (JURY-3). */
export class JurorRefused extends RuleViolation {}

/** A manager assigns jurors only to their centre's sessions, in planning, or in jury review when declared links left a candidate short of eligible jurors (JURY-4). */
export function assertCanAssignJurors(caller: Caller, session: SessionRecord): void {
  assertManagesSession(caller, session);
  if (session.status !== 'jury-review') assertPlanningOpen(session);
}

/**
 * Why a registry juror cannot sit on this session, checked as {@link assignJuror} checks it,
 * without writing: not a professional with 2 years of experience and a habilitation valid on the
 * session date (JURY-2), or a trainer of its cohort (JURY-3); none when they can. JURY-1 (at
 * least 2) is the jury's, checked when planning closes. Pure: an import checks each row with it.
 */
export function jurorAssignmentViolations(planning: SessionPlanning, juror: JurorRecord): Violation[] {
  const { session } = planning;
  const found = checkSessionJury({
    sessionDate: session.sessionDate,
    jurors: [toDomainJuror(juror, session.sessionDate)],
    candidates: sessionCandidates(planning, [juror]),
  }).violations.filter((v) => v.ruleId !== 'JURY-1'); // JURY-2, JURY-3
  found.push(...cohortTrainerViolations(planning, [juror])); // JURY-3
  return found;
}

/**
 * Assigns a registry juror to a session in planning, or in jury review when declared links left a
 * candidate short of eligible jurors (JURY-4). A juror who is not a professional with 2 years of
 * experience and a habilitation valid on the session date (JURY-2), or who trained the cohort
 * (JURY-3), is refused with the reason; JURY-1 (at least 2) is checked when planning closes.
 */
export async function assignJuror(
  deps: Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  jurorId: string,
): Promise<Omit<AssignmentRecord, 'userId'>> {
  const juror = await deps.jurors.get(jurorId);
  if (!juror) throw new NotFound(notInRegistry(jurorId));
  let assignment: AssignmentRecord | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
    const { session } = planning;
    assertCanAssignJurors(caller, session);
    const found = jurorAssignmentViolations(planning, juror); // JURY-2, JURY-3
    if (found.length > 0) throw new JurorRefused(found);
    if (planning.assignments.some((a) => a.jurorId === jurorId)) return undefined;
    assignment = { sessionId, jurorId, centreId: session.centreId, ...(juror.userId ? { userId: juror.userId } : {}), assignedAt: at, assignedBy: caller.id };
    const blockers =
      session.status === 'jury-review'
        ? { blockers: eligibilityOf({ ...planning, assignments: [...planning.assignments, assignment] }, [...(await assignedJurors(deps.jurors, planning)), juror]).violations }
        : {};
    return { session: blockers, items: [{ kind: 'assignment', record: assignment }], action: 'juror.assigned', details: { jurorId } };
  });
  const { userId: _account, ...made } = assignment ?? planning.assignments.find((a) => a.jurorId === jurorId)!;
  return made;
}

/** Withdrawing the juror would break the session's jury: fewer than 2 jurors (JURY-1), or a candidate left without 2 jurors free of conflict (JURY-4). */
export class WithdrawalRefused extends RuleViolation {}

/**
 * Withdraws a juror from a session, in planning or in jury review (for instance a juror who
 * will not declare their links, once the declarations step is overdue). Refused when the jury
 * would fall below 2 (JURY-1) or a candidate below 2 jurors without conflict (JURY-4): assign
 * another juror first. Their declarations stay on record. When the remaining jurors have all
 * declared, the workflow goes on.
 */
export async function withdrawJuror(
  deps: Pick<Deps, 'sessions' | 'jurors' | 'workflow' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  jurorId: string,
): Promise<{ declarationsComplete: boolean }> {
  let matrix: EligibilityMatrix | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current) => {
    const { session } = current;
    assertManagesSession(caller, session);
    if (session.status !== 'jury-review') assertPlanningOpen(session);
    if (!current.assignments.some((a) => a.jurorId === jurorId)) {
      throw new NotFound({ en: `juror ${jurorId} does not sit on session ${sessionId}`, fr: `le juré ${jurorId} ne siège pas à la session ${sessionId}` });
    }
    const remaining = current.assignments.filter((a) => a.jurorId !== jurorId);
    const jurors = (await assignedJurors(deps.jurors, current)).filter((j) => j.id !== jurorId);
    matrix = eligibilityOf({ ...current, assignments: remaining }, jurors);
    if (session.status === 'jury-review') {
      const s = remaining.length === 1 ? '' : 's';
      const tooFew =
        remaining.length < MIN_JURORS
          ? [
              violation('JURY-1', {
                en: `withdrawing this juror leaves ${remaining.length} juror${s}; at least ${MIN_JURORS} are required: assign another juror first`,
                fr: `retirer ce juré laisse ${remaining.length} juré${s} ; il en faut au moins ${MIN_JURORS} : affectez d'abord un autre juré`,
              }),
            ]
          : [];
      const found = [...tooFew, ...matrix.violations]; // JURY-1, JURY-4
      if (found.length > 0) throw new WithdrawalRefused(found);
    }
    return { session: session.status === 'jury-review' ? { blockers: matrix.violations } : {}, items: [{ kind: 'unassignment', jurorId }], action: 'juror.withdrawn', details: { jurorId } };
  });
  const complete = planning.session.status === 'jury-review' && (await completeDeclarationsIfDone(deps, planning, matrix!));
  return { declarationsComplete: complete };
}
