import { describeInstant } from '../../domain/dates';
import { Conflict, Forbidden } from '../../domain/errors';
import type { Caller } from '../caller';
import type { JurorRegistry } from './ports';
import { calendarOf, type JurorRecord, type SessionPlanning, type SessionRecord } from './records';

/** The organising centre a manager acts for; a manager without one may not act. */
export function managerCentre(caller: Caller): string {
  if (!caller.roles.includes('managers')) throw new Forbidden('only session managers may do this');
  if (!caller.centreId) {
    throw new Forbidden('your account is not attached to an organising centre (claim custom:centreId); ask an administrator');
  }
  return caller.centreId;
}

/** A manager acts only on the sessions of their own centre. */
export function assertManagesSession(caller: Caller, session: SessionRecord): void {
  if (managerCentre(caller) !== session.centreId) {
    throw new Forbidden(`session ${session.id} belongs to another organising centre; you manage ${caller.centreId}`);
  }
}

/** Planning data may change only while the session is in planning and planning is not closed. */
export function assertPlanningOpen(session: SessionRecord): void {
  if (session.status !== 'planning') throw new Conflict(`session ${session.id} is past planning (it is in ${session.status}); its planning data can no longer change`);
  if (session.planningClosed) {
    throw new Conflict(`planning of session ${session.id} was closed at ${describeInstant(new Date(session.planningClosed.at), calendarOf(session).timeZone)}; its planning data can no longer change`);
  }
}

/** The registry juror behind a caller with the jurors role, when they sit on the session (one Query on an index). */
export async function sittingJuror(jurors: Pick<JurorRegistry, 'findByUserId'>, caller: Caller, planning: SessionPlanning): Promise<JurorRecord | undefined> {
  if (!caller.roles.includes('jurors')) return undefined;
  const juror = await jurors.findByUserId(caller.id);
  return juror && planning.assignments.some((a) => a.jurorId === juror.id) ? juror : undefined;
}

/**
 * Whether a caller may see a session: the quality committee, the managers of its centre, and
 * the jurors who sit on it.
 */
export async function assertCanReadSession(caller: Caller, planning: SessionPlanning, jurors: Pick<JurorRegistry, 'findByUserId'>): Promise<void> {
  if (caller.roles.includes('quality')) return;
  if (caller.roles.includes('managers') && caller.centreId === planning.session.centreId) return;
  if (await sittingJuror(jurors, caller, planning)) return;
  throw new Forbidden(`you may not see session ${planning.session.id}: you neither manage its centre nor sit on its jury`);
}
