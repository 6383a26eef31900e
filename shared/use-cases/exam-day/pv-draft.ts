import { completeCounts, draftPv, referentialFor, reportAbsent, reportResult, type Outcome, type Pv } from '../../domain';
import { uuidFrom } from '../ids';
import type { JurorRecord, SessionPlanning } from '../sessions/records';
import { candidateOrder } from './day-context';
import type { PvRecord } from './records';

/** A stored PV as the PV rules read it (no signature or stamp yet: those come with sealing). */
function pvOf(record: PvRecord): Pv {
  return { id: record.id, part1: record.part1, part2: record.part2, part3: record.part3 };
}

function recordOf(pv: Pv, draftedAt: string): PvRecord {
  const { part3 } = pv;
  return JSON.parse(
    JSON.stringify({
      id: pv.id,
      part1: pv.part1,
      part2: pv.part2,
      part3: { jurors: part3.jurors.map(({ id, firstName, lastName, role }) => ({ id, firstName, lastName, role })), sessionManager: { ...part3.sessionManager } },
      draftedAt,
    }),
  ) as PvRecord;
}

/**
 * PV-5, before the session: part 1 (title, RNCP number, date, the centre and its address) and the
 * candidates' names in part 2, in the order they sit; part 3 lists the jurors and the session
 * manager, unsigned. One PV per session and title (PV-1): its id derives from both.
 */
export function draftPvRecord(planning: SessionPlanning, jurors: readonly JurorRecord[], at: string): PvRecord {
  const { session } = planning;
  const ref = referentialFor(session.titleCode);
  const order = candidateOrder(planning);
  const registrations = [...planning.registrations].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const manager = session.sessionManager ?? { userId: session.createdBy, name: session.createdBy };
  const pv = draftPv({
    id: uuidFrom(`pv|${session.id}|${ref.rncpCode}`),
    ref,
    session: { id: session.id, date: session.sessionDate, centreName: session.centreId, centreAddress: session.address },
    candidates: registrations.map((r) => ({ id: r.candidate.userId, registrationId: r.id, firstName: r.candidate.firstName, lastName: r.candidate.lastName })),
    jurors: jurors.map((j) => ({ id: j.id, firstName: j.firstName, lastName: j.lastName })),
    sessionManager: { id: manager.userId, firstName: manager.name, lastName: '' },
  });
  return recordOf(pv, at);
}

/** PV-3, PV-5: a deliberated candidate's result, blocks, reasons and recommendations, reported into part 2. */
export function withResult(record: PvRecord, registrationId: string, outcome: Outcome, notes: { reasons?: string; recommendations?: string }): PvRecord {
  return recordOf(reportResult(pvOf(record), registrationId, outcome, notes), record.draftedAt);
}

/** EXAM-4: an absent candidate stays on the PV as such. */
export function withAbsence(record: PvRecord, registrationId: string): PvRecord {
  return recordOf(reportAbsent(pvOf(record), registrationId), record.draftedAt);
}

/** PV-5, at the end of the day: the part 1 counts, from part 2. */
export function withCounts(record: PvRecord): PvRecord {
  return recordOf(completeCounts(pvOf(record)), record.draftedAt);
}
