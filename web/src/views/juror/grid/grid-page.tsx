import { useState } from 'preact/hooks';
import type { GridView } from '../../../../../shared/use-cases/exam-day/grids';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction, useLoad } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { href } from '../../../app/router';
import { useMessages } from '../../../i18n/i18n';
import { Facts } from '../../../ui/facts';
import { LoadedView } from '../../../ui/loaded';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';
import { jurorNames } from '../parts';
import { draftOf, GridForm, needsNotes, type GridDraft } from './grid-form';
import { GridOutcome, GridSignatures } from './grid-signatures';

function bodyOf(draft: GridDraft) {
  const notes = needsNotes(draft);
  const reasons = draft.reasons.trim();
  const recommendations = draft.recommendations.trim();
  return { decisions: draft.decisions, ...(notes && reasons ? { reasons } : {}), ...(notes && recommendations ? { recommendations } : {}) };
}

function sameDraft(a: GridDraft, b: GridDraft): boolean {
  return JSON.stringify(bodyOf(a)) === JSON.stringify(bodyOf(b));
}

/** The grid of one candidate: fill it, save it (PUT), then sign the revision read, by its hash (DELIB-4). */
function GridEditor({ session, initial, blockTitles, onReread }: { session: SessionView; initial: GridView; blockTitles: Record<string, string>; onReread(): void }) {
  const t = useMessages(JUROR);
  const keys = useRetryKeys();
  const [grid, setGrid] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const adopt = (view: GridView) => {
    setGrid(view);
    setDraft(draftOf(view));
  };
  const save = useAction((client, body: ReturnType<typeof bodyOf>) => client.fillGrid(session.id, grid.registrationId, body), ({ grid: view }) => adopt(view));
  const sign = useAction((client, hash: string, key: string) => client.signGrid(session.id, grid.registrationId, hash, { idempotencyKey: key }), ({ grid: view }) => adopt(view));
  const dirty = !sameDraft(draft, draftOf(grid));
  const locked = grid.stage === 'deliberated';
  const signGrid = async (hash: string) => {
    save.clear();
    if (await sign.run(hash, keys.keyFor(hash))) keys.succeeded(hash);
  };
  return (
    <section aria-labelledby="grid-title">
      <h3 id="grid-title">{t.gridTitle(grid.candidateName)}</h3>
      <p>
        <span class="badge badge-neutral">{t.gridStage(grid.stage)}</span>
      </p>
      <Facts facts={[[t.blocksInScope, grid.blocksInScope.join(', ')], grid.blocksValidatedEarlier.length > 0 && [t.blocksEarlier, grid.blocksValidatedEarlier.join(', ')]]} />
      {locked ? <p class="notice notice-ok">{t.gridDeliberated}</p> : grid.stage !== 'oral-ended' && <p class="notice notice-warn">{t.gridNotYet}</p>}
      <form
        class="juror-grid"
        onSubmit={(event) => {
          event.preventDefault();
          sign.clear();
          void save.run(bodyOf(draft));
        }}
      >
        <GridForm grid={grid} blockTitles={blockTitles} draft={draft} locked={locked} onChange={setDraft} />
        {!locked && (
          <div class="row">
            <button type="submit" disabled={save.running}>
              {t.saveGrid}
            </button>
          </div>
        )}
      </form>
      {save.running && <Busy label={t.savingGrid} />}
      <ProblemNotice problem={save.problem} />
      {save.done && !dirty && <Done>{t.saved(save.done.grid.revision)}</Done>}
      <h4>{t.signaturesTitle}</h4>
      {grid.hash ? <p class="muted">{t.revision(grid.revision, grid.hash.slice(0, 12))}</p> : <p>{t.notFilled}</p>}
      <GridSignatures grid={grid} nameOf={jurorNames(session)} />
      {dirty && !locked && <p class="notice notice-warn">{t.unsaved}</p>}
      {grid.hash && !locked && (
        <button type="button" disabled={sign.running || dirty} onClick={() => void signGrid(grid.hash!)}>
          {t.signGrid(grid.revision)}
        </button>
      )}
      {sign.running && <Busy label={t.signingGrid} />}
      <ProblemNotice problem={sign.problem} {...(sign.problem?.status === 409 ? { onRetry: onReread } : {})} />
      {sign.done && <Done>{t.gridSigned}</Done>}
      {grid.outcome && <GridOutcome outcome={grid.outcome} />}
      <p>
        <a href={href('juror', 'sessions', session.id, 'grids')}>{t.backToGrids}</a>
      </p>
    </section>
  );
}

/** One candidate's grid, read from the API. */
export function GridPage({ session, registrationId, blockTitles }: { session: SessionView; registrationId: string; blockTitles: Record<string, string> }) {
  const loaded = useLoad((client) => client.grid(session.id, registrationId), [session.id, registrationId]);
  return (
    <LoadedView loaded={loaded}>
      {({ grid }) => <GridEditor key={`${registrationId}|${grid.hash ?? ''}|${grid.signatures.length}`} session={session} initial={grid} blockTitles={blockTitles} onReread={loaded.reload} />}
    </LoadedView>
  );
}
