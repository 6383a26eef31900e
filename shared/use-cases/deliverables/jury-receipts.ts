import { checkJuryReceipts, compareIsoDates, fullName, intakeClosesAt, localDate, type Violation } from '../../domain';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import { toDomainJuror } from '../sessions/planning-check';
import { assignedJurors, loadPlanning } from '../sessions/planning-reads';
import { calendarOf, type AssignmentRecord, type JuryReceiptRecord, type SessionPlanning } from '../sessions/records';
import { assertCanReadSession } from '../sessions/session-access';

/** What one juror received, and when (JURY-7). */
export interface JurorReceiptReport {
  jurorId: string;
  name: string;
  /** The day the guide reached them: the jury's distribution (DIST-4), or their assignment if later. */
  guideReceivedOn?: string;
  /** When the jury set was delivered to them: intake close, when it is frozen (DELIV-4), or their assignment if later. */
  deliverablesDeliveredAt?: string;
  /** Every file of the jury set they were handed, first and last time, and how often. */
  downloads: Omit<JuryReceiptRecord, 'jurorId'>[];
}

/** The JURY-7 report of a session: each juror's receipts and every late or missing one. */
export interface JuryReceiptsReport {
  sessionId: string;
  timeZone: string;
  jurors: JurorReceiptReport[];
  violations: Violation[];
}

/** When a juror received the guide (DIST-4, or their assignment if later) and the jury set (intake close, or their assignment if later). */
function receiptsOf(planning: SessionPlanning, assignment: AssignmentRecord): { guideReceivedOn?: string; deliveredAt?: Date } {
  const calendar = calendarOf(planning.session);
  const assignedAt = new Date(assignment.assignedAt);
  const guide = planning.distributions
    .filter((d) => d.ruleId === 'DIST-4')
    .map((d) => d.distributedOn)
    .sort(compareIsoDates)[0];
  const assignedOn = localDate(assignedAt, calendar.timeZone);
  const guideReceivedOn = guide === undefined ? undefined : compareIsoDates(guide, assignedOn) >= 0 ? guide : assignedOn;
  const closesAt = intakeClosesAt(calendar); // DELIV-4: the set frozen then is the set delivered then
  const deliveredAt = planning.session.frozenAt === undefined ? undefined : assignedAt > closesAt ? assignedAt : closesAt;
  return { ...(guideReceivedOn ? { guideReceivedOn } : {}), ...(deliveredAt ? { deliveredAt } : {}) };
}

/**
 * JURY-7, per juror: the guide 2 weeks before the session and the deliverables 5 days before
 * (when intake closes), read from the distribution record, the freeze that delivered the jury
 * set, each juror's assignment, and every download they made.
 */
export async function juryReceipts(deps: Pick<Deps, 'sessions' | 'jurors' | 'now'>, caller: Caller, sessionId: string): Promise<JuryReceiptsReport> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  await assertCanReadSession(caller, planning, deps.jurors);
  const [jurors, downloads] = await Promise.all([assignedJurors(deps.jurors, planning), deps.sessions.downloadsOf(sessionId)]);
  const calendar = calendarOf(planning.session);
  const receipts = new Map(planning.assignments.map((assignment) => [assignment.jurorId, receiptsOf(planning, assignment)]));
  const check = checkJuryReceipts(
    calendar,
    jurors.map((j) => toDomainJuror(j, calendar.date)),
    [...receipts].map(([jurorId, r]) => ({ jurorId, guideReceivedOn: r.guideReceivedOn, deliverablesReceivedAt: r.deliveredAt })),
    deps.now(),
  );
  return {
    sessionId,
    timeZone: calendar.timeZone,
    jurors: planning.assignments.map((assignment) => {
      const juror = jurors.find((j) => j.id === assignment.jurorId);
      const receipt = receipts.get(assignment.jurorId)!;
      return {
        jurorId: assignment.jurorId,
        name: juror ? fullName(juror) : assignment.jurorId,
        ...(receipt.guideReceivedOn ? { guideReceivedOn: receipt.guideReceivedOn } : {}),
        ...(receipt.deliveredAt ? { deliverablesDeliveredAt: receipt.deliveredAt.toISOString() } : {}),
        downloads: downloads.filter((d) => d.jurorId === assignment.jurorId).map(({ jurorId: _juror, ...rest }) => rest),
      };
    }),
    violations: check.violations,
  };
}
