import { checkSessionJury, NotFound, RuleViolation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { cohortTrainerViolations, sessionCandidates, toDomainJuror } from '../sessions/planning-check';
import { assignedJurors } from '../sessions/planning-reads';
import type { AssignmentRecord } from '../sessions/records';
import { eligibilityOf } from '../deliverables/jury-access';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';

/** The juror cannot sit on this session: not qualified on its date (JURY-2) or a trainer of its cohort (JURY-3). */
export class JurorRefused extends RuleViolation {}

/**
 * Assigns a registry juror to a session in planning, or in jury review when declared links left a
 * candidate short of eligible jurors (JURY-4). A juror who is not a professional with 2 years of
 * experience and a habilitation valid on the session date (JURY-2), or who trained the cohort
 * (JURY-3), is refused with the reason; JURY-1 (at least 2) is checked when planning closes.
 */
export async function assignJuror(deps: Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>, caller: Caller, sessionId: string, jurorId: string): Promise<AssignmentRecord> {
  const juror = await deps.jurors.get(jurorId);
  if (!juror) throw new NotFound(`no juror ${jurorId} in the registry`);
  let assignment: AssignmentRecord | undefined;
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
    const { session } = planning;
    assertManagesSession(caller, session);
    if (session.status !== 'jury-review') assertPlanningOpen(session);
    const found = checkSessionJury({
      sessionDate: session.sessionDate,
      jurors: [toDomainJuror(juror, session.sessionDate)],
      candidates: sessionCandidates(planning, [juror]),
    }).violations.filter((v) => v.ruleId !== 'JURY-1'); // JURY-2, JURY-3
    found.push(...cohortTrainerViolations(planning, [juror])); // JURY-3
    if (found.length > 0) throw new JurorRefused(found);
    if (planning.assignments.some((a) => a.jurorId === jurorId)) return undefined;
    assignment = { sessionId, jurorId, ...(juror.userId ? { userId: juror.userId } : {}), assignedAt: at, assignedBy: caller.id };
    const blockers =
      session.status === 'jury-review'
        ? { blockers: eligibilityOf({ ...planning, assignments: [...planning.assignments, assignment] }, [...(await assignedJurors(deps.jurors, planning)), juror]).violations }
        : {};
    return { session: blockers, items: [{ kind: 'assignment', record: assignment }], action: 'juror.assigned', details: { jurorId } };
  });
  return assignment ?? planning.assignments.find((a) => a.jurorId === jurorId)!;
}
