import type { GridView } from '../../../../../shared/use-cases/exam-day/grids';
import { useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';

/** A decision on one competency: acquired or not acquired, nothing in between (DELIB-1). */
export type Decision = 'acquired' | 'not_acquired';

/**
 * One competency of the grid: a radio group whose legend names it. A competency whose
 * deliverable is missing from the jury set cannot be acquired (DELIB-6): the choice is closed and the reason said.
 */
export function CompetencyChoice({ competency, value, locked, onChange }: { competency: GridView['competencies'][number]; value: Decision | undefined; locked: boolean; onChange(value: Decision): void }) {
  const t = useMessages(JUROR);
  const rule = competency.unacquirableBecause ? (/^([A-Z]+-\d+)/.exec(competency.unacquirableBecause)?.[1] ?? 'DELIB-6') : undefined;
  const noteId = `competency-note-${competency.code}`;
  return (
    <fieldset class="juror-competency" {...(rule ? { 'aria-describedby': noteId } : {})}>
      <legend>{t.competency(competency.code, competency.title)}</legend>
      <p class="muted">{t.modalities(competency.modalities.join(', '))}</p>
      {rule && (
        <p id={noteId} class="notice notice-warn" data-rule={rule}>
          {t.unacquirable(rule)}
        </p>
      )}
      <div class="row">
        <label class="inline">
          <input type="radio" name={`decision-${competency.code}`} value="acquired" checked={value === 'acquired'} disabled={locked || Boolean(rule)} onChange={() => onChange('acquired')} />
          {t.acquired}
        </label>
        <label class="inline">
          <input type="radio" name={`decision-${competency.code}`} value="not_acquired" checked={value === 'not_acquired'} disabled={locked} onChange={() => onChange('not_acquired')} />
          {t.notAcquired}
        </label>
      </div>
    </fieldset>
  );
}
