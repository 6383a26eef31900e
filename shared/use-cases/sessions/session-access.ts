import { Forbidden } from '../../domain/errors';
import type { Caller } from '../caller';
import type { SessionRecord } from './session-record';

/**
 * Whether a caller may see a session: managers of its centre, the quality committee.
 * Jurors see only sessions they sit on (assignments come with planning).
 */
export function assertCanReadSession(caller: Caller, session: SessionRecord): void {
  if (caller.roles.includes('quality')) return;
  if (caller.roles.includes('managers') && caller.centreId === session.centreId) return;
  throw new Forbidden(`you may not see session ${session.id}: it belongs to another organising centre or you do not sit on it`);
}

/** The organising centre a manager acts for; a manager without one may not act. */
export function managerCentre(caller: Caller): string {
  if (!caller.centreId) {
    throw new Forbidden('your account is not attached to an organising centre (claim custom:centreId); ask an administrator');
  }
  return caller.centreId;
}
