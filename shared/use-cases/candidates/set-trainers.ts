import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import type { TrainerRecord } from '../sessions/records';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';

/**
 * Replaces the list of the cohort's trainers (JURY-3: none of them may sit on the jury). A
 * trainer already assigned as a juror is not refused here: it shows as a blocker and keeps
 * planning from closing.
 */
export async function setTrainers(deps: Pick<Deps, 'sessions' | 'now' | 'newId'>, caller: Caller, sessionId: string, trainers: TrainerRecord[]): Promise<TrainerRecord[]> {
  const unique = [...new Map(trainers.map((t) => [t.email.toLowerCase(), t])).values()];
  await applySessionChange(deps, sessionId, actorOf(caller), ({ session }) => {
    assertManagesSession(caller, session);
    assertPlanningOpen(session);
    return { items: [{ kind: 'trainers', records: unique }], action: 'cohort.trainers-set', details: { trainers: unique.map((t) => t.email) } };
  });
  return unique;
}
