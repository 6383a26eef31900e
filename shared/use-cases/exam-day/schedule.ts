import ical from 'ical-generator';
import { addMinutes, Conflict, Forbidden, fullName, InvalidInput, referentialFor, segmentsInScope, violation, type CandidateStage, type ScheduleEntry } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { scopeOf } from '../deliverables/deliverable-access';
import { loadPlanning } from '../sessions/planning-reads';
import { calendarOf, type SessionPlanning } from '../sessions/records';
import { assertCanReadSession, assertManagesSession } from '../sessions/session-access';
import { applySessionChange } from '../sessions/session-changes';
import { candidateDay, daySchedule, examDayStartsAt } from './day-context';

/** One candidate's slot in the day, as the schedule shows it (EXAM-1). */
export interface SlotView {
  order: number;
  registrationId: string;
  candidateName: string;
  startAt: string;
  /** The oral's segments the candidate's scope requires, back to back, then any extra time (EXAM-2). */
  segments: Array<{ id: string; name: string; startAt: string; endAt: string }>;
  examEndAt: string;
  /** The jury deliberates until then, before the next candidate (DELIB-4). */
  deliberationEndAt: string;
  extraMinutes: number;
  /** Where the candidate's day stands now (EXAM-1, EXAM-3, EXAM-4): expected, present, in the oral, absent, deliberated… */
  stage: CandidateStage;
}

/** The day's schedule in the session's zone; a candidate sees their own slot only. */
export interface ScheduleView {
  sessionId: string;
  timeZone: string;
  startsAt: string;
  /** True once the day opened: the order can no longer change. */
  fixed: boolean;
  slots: SlotView[];
}

function slotView(planning: SessionPlanning, entry: ScheduleEntry): SlotView {
  const registration = planning.registrations.find((r) => r.id === entry.registrationId)!;
  const extraMinutes = registration.accommodation?.extraMinutes ?? 0;
  const ref = referentialFor(planning.session.titleCode);
  let cursor = entry.startAt;
  const segments = [...segmentsInScope(ref, scopeOf(planning, registration)).map((s) => ({ id: s.id, name: s.name, minutes: s.minutes }))];
  if (extraMinutes > 0) segments.push({ id: 'extra-time', name: 'Temps majoré (aménagement)', minutes: extraMinutes });
  return {
    order: entry.order,
    registrationId: entry.registrationId,
    candidateName: fullName(registration.candidate),
    startAt: entry.startAt.toISOString(),
    segments: segments.map((s) => {
      const startAt = cursor;
      cursor = addMinutes(cursor, s.minutes);
      return { id: s.id, name: s.name, startAt: startAt.toISOString(), endAt: cursor.toISOString() };
    }),
    examEndAt: entry.examEndAt.toISOString(),
    deliberationEndAt: entry.deliberationEndAt.toISOString(),
    extraMinutes,
    stage: candidateDay(planning, entry.registrationId).stage,
  };
}

/**
 * The day's schedule (EXAM-1): the managers of the centre, the quality committee and the jurors
 * read every slot; a candidate reads their own slot only, and nobody else's name.
 */
export async function getSchedule(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string): Promise<ScheduleView> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const own = planning.registrations.find((r) => caller.roles.includes('candidates') && r.candidate.userId === caller.id);
  let everyone = false;
  try {
    await assertCanReadSession(caller, planning, deps.jurors);
    everyone = true;
  } catch (error) {
    if (!own) throw error instanceof Forbidden && caller.roles.every((role) => role === 'candidates') ? new Forbidden({ en: `you are not registered to session ${sessionId}`, fr: `vous n'êtes pas inscrit à la session ${sessionId}` }) : error;
  }
  const slots = daySchedule(planning)
    .filter((entry) => everyone || entry.registrationId === own?.id)
    .map((entry) => slotView(planning, entry));
  return {
    sessionId,
    timeZone: calendarOf(planning.session).timeZone,
    startsAt: examDayStartsAt(planning.session).toISOString(),
    fixed: planning.session.examDay?.openedAt !== undefined,
    slots,
  };
}

/** The schedule as an iCalendar file: one event per oral and one per deliberation, in UTC with the session's zone named. */
export async function scheduleCalendar(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string): Promise<string> {
  const schedule = await getSchedule(deps, caller, sessionId);
  const calendar = ical({ name: `Certiflow – session ${sessionId}`, prodId: { company: 'Certiflow', product: 'schedule', language: 'FR' }, timezone: null });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: schedule.timeZone }]);
  for (const slot of schedule.slots) {
    calendar.createEvent({
      id: `${sessionId}-${slot.registrationId}-oral@certiflow`,
      start: new Date(slot.startAt),
      end: new Date(slot.examEndAt),
      summary: `Oral de ${slot.candidateName}`,
      description: slot.segments.map((s) => `${s.name}`).join('\n'),
    });
    calendar.createEvent({
      id: `${sessionId}-${slot.registrationId}-deliberation@certiflow`,
      start: new Date(slot.examEndAt),
      end: new Date(slot.deliberationEndAt),
      summary: `Délibération du jury – ${slot.candidateName}`,
    });
  }
  return calendar.toString();
}

/**
 * The manager sets the order the candidates sit in (EXAM-1), every registration once, until the
 * exam day opens; then it is fixed.
 */
export async function setCandidateOrder(deps: Pick<Deps, 'sessions' | 'now' | 'newId'>, caller: Caller, sessionId: string, order: string[]): Promise<string[]> {
  await applySessionChange(deps, sessionId, actorOf(caller), ({ session, registrations }) => {
    assertManagesSession(caller, session);
    if (session.examDay?.openedAt || session.status === 'exam-day' || session.status === 'deliberated') {
      throw new Conflict(
        { en: `EXAM-1: the exam day of session ${sessionId} has opened; the order of the candidates is fixed`, fr: `EXAM-1 : le jour d'examen de la session ${sessionId} est ouvert ; l'ordre de passage des candidats est arrêté` },
        [violation('EXAM-1', { en: 'the order of the candidates is fixed once the exam day opens', fr: 'l\'ordre de passage des candidats est arrêté dès l\'ouverture du jour d\'examen' })],
      );
    }
    const ids = new Set(registrations.map((r) => r.id));
    const unknown = order.filter((id) => !ids.has(id));
    const missing = registrations.filter((r) => !order.includes(r.id)).map((r) => r.id);
    if (unknown.length > 0 || missing.length > 0 || new Set(order).size !== order.length) {
      throw new InvalidInput(
        {
          en: `order: name every registration of the session exactly once${unknown.length ? `; not registered: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
          fr: `order : citez chaque inscription de la session exactement une fois${unknown.length ? ` ; inscriptions inconnues : ${unknown.join(', ')}` : ''}${missing.length ? ` ; inscriptions manquantes : ${missing.join(', ')}` : ''}`,
        },
        'order',
      );
    }
    if (session.candidateOrder?.join() === order.join()) return undefined;
    return { session: { candidateOrder: order }, action: 'schedule.ordered', details: { order } };
  });
  return order;
}
