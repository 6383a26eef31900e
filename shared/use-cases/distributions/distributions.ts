import { describeDate, distributionStatus, InvalidInput, localDate, RuleViolation, violation, type CohortCalendar, type DistributionStatus } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type DistributionRecordItem, type SessionRecord } from '../sessions/records';
import { assertCanReadSession, assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { loadPlanning } from '../sessions/planning-reads';

/** The distribution deadlines need the cohort's calendar, which the session lacks. */
export class CohortCalendarMissing extends RuleViolation {}

function cohortCalendarOf(session: SessionRecord): CohortCalendar {
  if (!session.cohort) {
    throw new CohortCalendarMissing([
      violation('DIST-1', {
        en: `session ${session.id} has no cohort dates; set cohort.startDate and cohort.prairieEnd (PATCH the session) so the distribution deadlines can be computed`,
        fr: `la session ${session.id} n'a pas les dates de sa promotion ; renseignez cohort.startDate et cohort.prairieEnd (PATCH de la session) pour que les échéances de diffusion puissent être calculées`,
      }),
    ]);
  }
  return { cohortStart: session.cohort.startDate, prairieEnd: session.cohort.prairieEnd, sessionDate: session.sessionDate, timeZone: calendarOf(session).timeZone };
}

/** Records that a document was distributed (DIST-1..7); a date after today in the session's zone is refused. */
export async function recordDistribution(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  input: Pick<DistributionRecordItem, 'ruleId' | 'distributedOn' | 'recipients'>,
  distributionId = deps.newId(),
): Promise<DistributionRecordItem> {
  let record: DistributionRecordItem | undefined;
  await applySessionChange(deps, sessionId, actorOf(caller), ({ session }, at) => {
    assertManagesSession(caller, session);
    const today = localDate(new Date(at), calendarOf(session).timeZone);
    if (input.distributedOn > today) {
      throw new InvalidInput(
        {
          en: `distributedOn: ${input.distributedOn} is after today (${today}); record a distribution once it happened`,
          fr: `distributedOn : le ${describeDate(input.distributedOn, 'fr')} est postérieur à aujourd'hui (${describeDate(today, 'fr')}) ; enregistrez une diffusion une fois qu'elle a eu lieu`,
        },
        'distributedOn',
      );
    }
    record = { id: distributionId, sessionId, ...input, recordedBy: caller.id, recordedAt: at };
    return { items: [{ kind: 'distribution', record }], action: 'distribution.recorded', details: { ...input } };
  });
  return record!;
}

/**
 * Each distribution's state for the session (DIST-1..7): done, done late, overdue, due within
 * `horizonDays`, or pending, with the alert to show.
 */
export async function distributionStatuses(deps: Pick<Deps, 'sessions' | 'jurors' | 'now'>, caller: Caller, sessionId: string, horizonDays: number): Promise<DistributionStatus[]> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  if (caller.roles.includes('managers') && !caller.roles.includes('quality')) assertManagesSession(caller, planning.session);
  else await assertCanReadSession(caller, planning, deps.jurors);
  const records = planning.distributions.map((d) => ({ ruleId: d.ruleId, distributedOn: d.distributedOn, recordedBy: d.recordedBy }));
  return distributionStatus(cohortCalendarOf(planning.session), records, deps.now(), horizonDays);
}
