import type { Role } from '../wiring/roles';

/** Who is calling, as the identity provider vouches for it. */
export interface Caller {
  /** The user's stable id (`sub`). */
  id: string;
  email?: string;
  /** The person's full name, when the identity provider gives it (`name`). */
  name?: string;
  roles: readonly Role[];
  /** The organising centre a manager belongs to (`custom:centreId`). */
  centreId?: string;
}

/** The actor recorded in audit events. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** The audit actor for a caller. */
export function actorOf(caller: Caller): Actor {
  return { id: caller.id, roles: caller.roles };
}

/** The actor recorded when the workflow itself acts. */
export const WORKFLOW_ACTOR: Actor = { id: 'workflow', roles: [] };
