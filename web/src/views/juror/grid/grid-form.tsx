import type { GridView } from '../../../../../shared/use-cases/exam-day/grids';
import { useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';
import { CompetencyChoice, type Decision } from './competency-choice';

/** What the juror is writing on the grid before it is saved. */
export interface GridDraft {
  decisions: Record<string, Decision>;
  reasons: string;
  recommendations: string;
}

/** The draft a grid read from the API starts from. */
export function draftOf(grid: GridView): GridDraft {
  return { decisions: { ...grid.decisions }, reasons: grid.reasons ?? '', recommendations: grid.recommendations ?? '' };
}

/** Whether the draft needs reasons and recommendations: some competency not acquired means no full success (DELIB-5). */
export function needsNotes(draft: GridDraft): boolean {
  return Object.values(draft.decisions).includes('not_acquired');
}

/**
 * The grid's decisions, block by block (only the blocks in scope, DELIB-7), and the reasons and
 * recommendations a partial success or a failure calls for (DELIB-5).
 */
export function GridForm({ grid, blockTitles, draft, locked, onChange }: { grid: GridView; blockTitles: Record<string, string>; draft: GridDraft; locked: boolean; onChange(draft: GridDraft): void }) {
  const t = useMessages(JUROR);
  const decided = grid.competencies.filter((c) => draft.decisions[c.code]).length;
  return (
    <>
      <label class="juror-progress">
        {t.decidedCount(decided, grid.competencies.length)}
        <progress max={grid.competencies.length} value={decided} />
      </label>
      {grid.blocksInScope.map((block) => (
        <section key={block} aria-labelledby={`grid-block-${block}`}>
          <h4 id={`grid-block-${block}`}>{t.blockHeading(block, blockTitles[block] ?? '')}</h4>
          {grid.competencies
            .filter((c) => c.block === block)
            .map((c) => (
              <CompetencyChoice key={c.code} competency={c} value={draft.decisions[c.code]} locked={locked} onChange={(value) => onChange({ ...draft, decisions: { ...draft.decisions, [c.code]: value } })} />
            ))}
        </section>
      ))}
      {needsNotes(draft) && (
        <section aria-labelledby="grid-notes" class="stack">
          <h4 id="grid-notes">{t.notesTitle}</h4>
          <p>{t.notesHelp}</p>
          <label>
            {t.reasons}
            <textarea rows={3} maxLength={4000} disabled={locked} value={draft.reasons} onInput={(e) => onChange({ ...draft, reasons: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <label>
            {t.recommendations}
            <textarea rows={3} maxLength={4000} disabled={locked} value={draft.recommendations} onInput={(e) => onChange({ ...draft, recommendations: (e.target as HTMLTextAreaElement).value })} />
          </label>
        </section>
      )}
    </>
  );
}
