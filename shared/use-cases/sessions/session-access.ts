import { describeInstant } from '../../domain/dates';
import { Conflict, Forbidden } from '../../domain/errors';
import type { Caller } from '../caller';
import type { JurorRegistry } from './ports';
import { calendarOf, type JurorRecord, type SessionPlanning, type SessionRecord } from './records';

/** The organising centre a manager acts for; a manager without one may not act. */
export function managerCentre(caller: Caller): string {
  if (!caller.roles.includes('managers')) throw new Forbidden({ en: 'only session managers may do this', fr: 'seuls les responsables de session peuvent faire cela' });
  if (!caller.centreId) {
    throw new Forbidden({
      en: 'your account is not attached to an organising centre (claim custom:centreId); ask an administrator',
      fr: "votre compte n'est rattaché à aucun centre organisateur (claim custom:centreId) ; adressez-vous à un administrateur",
    });
  }
  return caller.centreId;
}

/** A manager acts only on the sessions of their own centre. */
export function assertManagesSession(caller: Caller, session: SessionRecord): void {
  if (managerCentre(caller) !== session.centreId) {
    throw new Forbidden({
      en: `session ${session.id} belongs to another organising centre; you manage ${caller.centreId}`,
      fr: `la session ${session.id} relève d'un autre centre organisateur ; vous gérez le centre ${caller.centreId}`,
    });
  }
}

/** Planning data may change only while the session is in planning and planning is not closed. */
export function assertPlanningOpen(session: SessionRecord): void {
  if (session.status !== 'planning') {
    throw new Conflict({
      en: `session ${session.id} is past planning (it is in ${session.status}); its planning data can no longer change`,
      fr: `la session ${session.id} a passé l'étape de la planification (elle est à l'état ${session.status}) ; ses données de planification ne peuvent plus changer`,
    });
  }
  if (session.planningClosed) {
    const closedAt = new Date(session.planningClosed.at);
    const { timeZone } = calendarOf(session);
    throw new Conflict({
      en: `planning of session ${session.id} was closed at ${describeInstant(closedAt, timeZone)}; its planning data can no longer change`,
      fr: `la planification de la session ${session.id} a été close le ${describeInstant(closedAt, timeZone, 'fr')} ; ses données de planification ne peuvent plus changer`,
    });
  }
}

/** The registry juror behind a caller with the jurors role, when they sit on the session (one Query on an index). */
export async function sittingJuror(jurors: Pick<JurorRegistry, 'findByUserId'>, caller: Caller, planning: SessionPlanning): Promise<JurorRecord | undefined> {
  if (!caller.roles.includes('jurors')) return undefined;
  const juror = await jurors.findByUserId(caller.id);
  return juror && planning.assignments.some((a) => a.jurorId === juror.id) ? juror : undefined;
}

/** Whether the caller reads a session as its centre: the quality committee, or a manager of the session's centre. */
function readsAsCentre(caller: Caller, session: SessionRecord): boolean {
  return caller.roles.includes('quality') || (caller.roles.includes('managers') && caller.centreId === session.centreId);
}

function mayNotSee(planning: SessionPlanning): Forbidden {
  return new Forbidden({
    en: `you may not see session ${planning.session.id}: you neither manage its centre nor sit on its jury`,
    fr: `vous ne pouvez pas consulter la session ${planning.session.id} : vous n'en gérez pas le centre et ne siégez pas à son jury`,
  });
}

/**
 * Whether a caller may see a session: the quality committee, the managers of its centre, and
 * the jurors who sit on it.
 */
export async function assertCanReadSession(caller: Caller, planning: SessionPlanning, jurors: Pick<JurorRegistry, 'findByUserId'>): Promise<void> {
  if (readsAsCentre(caller, planning.session)) return;
  if (await sittingJuror(jurors, caller, planning)) return;
  throw mayNotSee(planning);
}

/** In which capacities a caller reads a session: as its centre, as one of its sitting jurors, or both. */
export interface SessionReader {
  /** The quality committee, or a manager of the session's centre. */
  centre: boolean;
  /** The registry juror behind the caller, when they sit on the session. */
  juror?: JurorRecord;
}

/**
 * Who reads a session, for reads whose fields depend on it; Forbidden for those who may not see it
 * (as `assertCanReadSession`). The registry is asked only for a caller with the jurors role.
 */
export async function sessionReader(caller: Caller, planning: SessionPlanning, jurors: Pick<JurorRegistry, 'findByUserId'>): Promise<SessionReader> {
  const centre = readsAsCentre(caller, planning.session);
  const juror = await sittingJuror(jurors, caller, planning);
  if (!centre && !juror) throw mayNotSee(planning);
  return juror ? { centre, juror } : { centre };
}
