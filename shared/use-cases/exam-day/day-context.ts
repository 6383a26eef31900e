import {
  findDeliverableType,
  fullName,
  localInstant,
  planSchedule,
  referentialFor,
  type CandidateDay,
  type DeliverableType,
  type Referential,
  type ScheduleEntry,
  type SessionMode,
} from '../../domain';
import { DEFAULT_START_TIME } from '../../domain/session';
import { eligibilityOf } from '../deliverables/jury-access';
import { scopeOf } from '../deliverables/deliverable-access';
import { calendarOf, type JurorRecord, type RegistrationRecord, type SessionPlanning, type SessionRecord } from '../sessions/records';
import type { ExamRecord } from './records';

/** When the exam day starts: the session's date at its start time, in its own zone. */
export function examDayStartsAt(session: Pick<SessionRecord, 'sessionDate' | 'timeZone' | 'startTime'>): Date {
  const { date, timeZone } = calendarOf(session);
  return localInstant(date, session.startTime ?? DEFAULT_START_TIME, timeZone);
}

/** The order candidates sit in: fixed when the day opened, else the manager's, else registration order (EXAM-1). */
export function candidateOrder(planning: SessionPlanning): string[] {
  const { session } = planning;
  return session.examDay?.order ?? session.candidateOrder ?? planning.registrations.map((r) => r.id);
}

/** The day's plan (EXAM-1): each candidate's slot, in order, from the session's start, with any extra time granted (EXAM-2). */
export function daySchedule(planning: SessionPlanning): ScheduleEntry[] {
  const ref = referentialFor(planning.session.titleCode);
  const order = candidateOrder(planning);
  const registrations = order.map((id) => planning.registrations.find((r) => r.id === id)).filter((r): r is RegistrationRecord => r !== undefined);
  return planSchedule(
    ref,
    examDayStartsAt(planning.session),
    registrations.map((r) => ({ registrationId: r.id, scope: scopeOf(planning, r), extraMinutes: r.accommodation?.extraMinutes ?? 0 })),
  );
}

/** How the session is held, as the exam rules read it (EXAM-5). */
export function sessionMode(session: SessionRecord): SessionMode {
  return session.remote ? { kind: 'remote', reason: 'manager-decision', decidedBy: session.createdBy } : { kind: 'on-site' };
}

/** A stored exam day as the domain reads it; a candidate not seen yet is expected. */
export function candidateDay(planning: SessionPlanning, registrationId: string): CandidateDay {
  const record = planning.exams.find((e) => e.registrationId === registrationId);
  if (!record) return { registrationId, stage: 'expected' };
  const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  return {
    registrationId,
    stage: record.stage,
    ...(record.checkIn ? { checkIn: { ...record.checkIn, at: new Date(record.checkIn.at) } } : {}),
    ...(record.absence ? { absence: record.absence } : {}),
    ...(record.identityCheck ? { identityCheck: { registrationId, checkedAt: new Date(record.identityCheck.checkedAt), checkedBy: record.identityCheck.checkedBy, method: record.identityCheck.method } } : {}),
    ...(record.oral
      ? {
          oral: {
            startedAt: new Date(record.oral.startedAt),
            plannedEndAt: new Date(record.oral.plannedEndAt),
            extraMinutes: record.oral.extraMinutes,
            segments: record.oral.segments.map((s) => ({ ...s, plannedStartAt: new Date(s.plannedStartAt), plannedEndAt: new Date(s.plannedEndAt), startedAt: date(s.startedAt), endedAt: date(s.endedAt) })),
            ...(record.oral.endedAt ? { endedAt: new Date(record.oral.endedAt) } : {}),
          },
        }
      : {}),
  };
}

/** A domain exam day as stored: instants as UTC ISO strings (JSON's own form of a Date), nothing undefined. */
export function examRecord(day: CandidateDay): ExamRecord {
  const { identityCheck, ...rest } = day;
  const stored = JSON.parse(JSON.stringify(rest)) as ExamRecord;
  if (!identityCheck) return stored;
  return { ...stored, identityCheck: { checkedAt: identityCheck.checkedAt.toISOString(), checkedBy: identityCheck.checkedBy, method: identityCheck.method } };
}

/** The referential and a registration's name, scope and the deliverables its jury lacks (DELIB-6). */
export function candidateContext(planning: SessionPlanning, registrationId: string) {
  const registration = planning.registrations.find((r) => r.id === registrationId)!;
  const ref: Referential = referentialFor(planning.session.titleCode);
  const scope = scopeOf(planning, registration);
  const jurySet = planning.jurySets.find((s) => s.registrationId === registrationId);
  const missingDeliverables: DeliverableType[] = scope.deliverables.filter((d) => !jurySet?.selected[d.id]).map((d) => findDeliverableType(ref, d.id)!);
  return { registration, ref, scope, name: fullName(registration.candidate), missingDeliverables };
}

/** The jurors free of conflict with the candidate (JURY-4), from the declarations. */
export function eligibleJurorIds(planning: SessionPlanning, jurors: readonly JurorRecord[], registrationId: string): string[] {
  return eligibilityOf(planning, jurors).rows.find((r) => r.registrationId === registrationId)?.eligibleJurorIds ?? [];
}

/**
 * Who signs the candidate's grid (DELIB-4): the jurors free of conflict with them (JURY-4), but
 * not one reported absent during their oral (JURY-6: a juror who did not sit cannot sign).
 */
export function gridSigners(planning: SessionPlanning, jurors: readonly JurorRecord[], registrationId: string): string[] {
  const oral = planning.exams.find((e) => e.registrationId === registrationId)?.oral;
  const absent = (jurorId: string) =>
    oral !== undefined &&
    planning.incidents.some(
      (i) => i.kind === 'juror-absence' && i.jurorId === jurorId && i.from! < (oral.endedAt ?? '9999') && (i.to ?? '9999') > oral.startedAt,
    );
  return eligibleJurorIds(planning, jurors, registrationId).filter((id) => !absent(id));
}
