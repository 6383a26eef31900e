import { Forbidden, InvalidInput } from '../../domain/errors';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import type { Page, SessionQuery } from './ports';
import { publicSession, type PublicSession, type SessionRecord } from './records';

/**
 * Lists sessions by date: a manager sees their centre's, the quality committee any centre's
 * (naming it), a juror the sessions they sit on.
 */
export async function listSessions(
  deps: Pick<Deps, 'sessions' | 'jurors'>,
  caller: Caller,
  query: SessionQuery & { centreId?: string },
): Promise<Page<PublicSession>> {
  if (query.from && query.to && query.from > query.to) throw new InvalidInput(`from: ${query.from} is after to (${query.to})`, 'from');
  let page: Page<SessionRecord>;
  if (caller.roles.includes('managers') && caller.centreId && (!query.centreId || query.centreId === caller.centreId)) {
    page = await deps.sessions.listByCentre(caller.centreId, query);
  } else if (caller.roles.includes('quality')) {
    if (!query.centreId) throw new InvalidInput('centreId: required for the quality committee: name the organising centre to list', 'centreId');
    page = await deps.sessions.listByCentre(query.centreId, query);
  } else if (caller.roles.includes('jurors')) {
    const juror = await deps.jurors.findByUserId(caller.id);
    page = juror ? await deps.sessions.listForJuror(juror.id, query) : { items: [] };
  } else {
    throw new Forbidden(`you may list only the sessions of your own centre${caller.centreId ? ` (${caller.centreId})` : ''}`);
  }
  return { items: page.items.map(publicSession), nextCursor: page.nextCursor };
}
