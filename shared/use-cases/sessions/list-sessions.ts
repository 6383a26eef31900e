import { describeDate } from '../../domain/dates';
import { Forbidden, InvalidInput } from '../../domain/errors';
import type { Language } from '../../domain/sentence';
import type { Caller } from '../caller';
import type { Deps } from '../deps';
import type { Page, SessionQuery } from './ports';
import { publicSession, type PublicSession, type SessionRecord } from './records';

/**
 * Lists sessions by date: a manager sees their centre's, the quality committee any centre's
 * (naming it), a juror the sessions they sit on; why a session stopped or is overdue is said in `language`.
 */
export async function listSessions(
  deps: Pick<Deps, 'sessions' | 'jurors'>,
  caller: Caller,
  query: SessionQuery & { centreId?: string },
  language: Language = 'en',
): Promise<Page<PublicSession>> {
  if (query.from && query.to && query.from > query.to) {
    throw new InvalidInput({ en: `from: ${query.from} is after to (${query.to})`, fr: `from : le ${describeDate(query.from, 'fr')} est postérieur à to (${describeDate(query.to, 'fr')})` }, 'from');
  }
  let page: Page<SessionRecord>;
  if (caller.roles.includes('managers') && caller.centreId && (!query.centreId || query.centreId === caller.centreId)) {
    page = await deps.sessions.listByCentre(caller.centreId, query);
  } else if (caller.roles.includes('quality')) {
    if (!query.centreId) {
      throw new InvalidInput(
        {
          en: 'centreId: required for the quality committee: name the organising centre to list',
          fr: 'centreId : requis pour le comité qualité : indiquez le centre organisateur dont vous voulez les sessions',
        },
        'centreId',
      );
    }
    page = await deps.sessions.listByCentre(query.centreId, query);
  } else if (caller.roles.includes('jurors')) {
    const juror = await deps.jurors.findByUserId(caller.id);
    page = juror ? await deps.sessions.listForJuror(juror.id, query) : { items: [] };
  } else {
    const own = caller.centreId ? ` (${caller.centreId})` : '';
    throw new Forbidden({ en: `you may list only the sessions of your own centre${own}`, fr: `vous ne pouvez lister que les sessions de votre propre centre${own}` });
  }
  return { items: page.items.map((session) => publicSession(session, language)), nextCursor: page.nextCursor };
}
