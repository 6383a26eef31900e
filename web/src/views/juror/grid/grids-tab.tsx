import { useLoad } from '../../../app/api';
import { href } from '../../../app/router';
import { useMessages } from '../../../i18n/i18n';
import { LoadedView } from '../../../ui/loaded';
import { JUROR } from '../messages';
import { type TabProps, TabSection } from '../parts';
import { GridPage } from './grid-page';

/**
 * The grids (DELIB-1..7): the juror's candidates, from their dossier's pre-filled grids (JURY-8),
 * and the grid of the candidate chosen.
 */
export function GridsTab({ session, registrationId }: TabProps & { registrationId: string | undefined }) {
  const t = useMessages(JUROR);
  const dossier = useLoad((client) => client.dossier(session.id), [session.id]);
  return (
    <TabSection tab="grids">
      <p>{t.gridsIntro}</p>
      <LoadedView loaded={dossier}>
        {({ dossier: mine }) => {
          const blockTitles = Object.fromEntries(mine.referential.blocks.map((b) => [b.code, b.title]));
          if (registrationId) return <GridPage session={session} registrationId={registrationId} blockTitles={blockTitles} />;
          return (
            <>
              <h3>{t.gridsOfMine}</h3>
              {mine.candidates.length === 0 ? (
                <p>{t.noCandidates}</p>
              ) : (
                <ul>
                  {mine.candidates.map((c) => (
                    <li key={c.registrationId}>
                      <a href={href('juror', 'sessions', session.id, 'grids', c.registrationId)}>{t.gridLink(c.name, c.grid.competencies.length)}</a>{' '}
                      <span class="muted">({t.blocksJudged(c.blocksInScope.join(', '))})</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </LoadedView>
    </TabSection>
  );
}
