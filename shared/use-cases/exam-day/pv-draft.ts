import { completeCounts, draftPv, referentialFor, reportAbsent, reportResult, type Outcome, type Pv } from '../../domain';
import { uuidFrom } from '../ids';
import type { JurorRecord, SessionPlanning } from '../sessions/records';
import { candidateOrder } from './day-context';
import type { PvRecord } from './records';

/**
 * A stored PV as the PV rules read it: part 3's signatures and stamp, and sealed once its seal
 * began (from then on nothing changes it, PV-7).
 */
export function pvOf(record: PvRecord): Pv {
  const signatureOf = (id: string) => {
    const signature = record.signatures?.find((s) => s.signerId === id);
    return signature ? { signature: { signedAt: new Date(signature.signedAt), method: signature.method } } : {};
  };
  return {
    id: record.id,
    part1: record.part1,
    part2: record.part2,
    part3: {
      jurors: record.part3.jurors.map((j) => ({ ...j, ...signatureOf(j.id) })),
      sessionManager: { ...record.part3.sessionManager, ...signatureOf(record.part3.sessionManager.id) },
      ...(record.stamp ? { stamp: { appliedAt: new Date(record.stamp.appliedAt), appliedBy: record.stamp.appliedBy } } : {}),
    },
    ...(record.seal ? { sealedAt: new Date(record.seal.at) } : {}),
  };
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

/** A changed PV, keeping what the record holds beyond the PV's parts: its signatures, stamp and seal. */
function changed(record: PvRecord, pv: Pv): PvRecord {
  const { signatures, stamp, seal } = record;
  return { ...recordOf(pv, record.draftedAt), ...(signatures ? { signatures } : {}), ...(stamp ? { stamp } : {}), ...(seal ? { seal } : {}) };
}

/** PV-3, PV-5: a deliberated candidate's result, blocks, reasons and recommendations, reported into part 2. */
export function withResult(record: PvRecord, registrationId: string, outcome: Outcome, notes: { reasons?: string; recommendations?: string }): PvRecord {
  return changed(record, reportResult(pvOf(record), registrationId, outcome, notes));
}

/** EXAM-4: an absent candidate stays on the PV as such. */
export function withAbsence(record: PvRecord, registrationId: string): PvRecord {
  return changed(record, reportAbsent(pvOf(record), registrationId));
}

/** PV-5, at the end of the day: the part 1 counts, from part 2. */
export function withCounts(record: PvRecord): PvRecord {
  return changed(record, completeCounts(pvOf(record)));
}
