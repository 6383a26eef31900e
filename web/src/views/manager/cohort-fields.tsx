import { useMessages } from '../../i18n/i18n';
import { TextField } from './fields';
import { MANAGER } from './messages';

/** The cohort as a form holds it: its name, the training's start and the prairie's end, as typed. */
export interface CohortDraft {
  cohortName: string;
  cohortStart: string;
  prairieEnd: string;
}

/** The cohort as the API takes it, or nothing when the manager left every field empty. */
export function cohortOf(draft: CohortDraft): { cohort: { name: string; startDate: string; prairieEnd: string } } | Record<string, never> {
  return draft.cohortName || draft.cohortStart || draft.prairieEnd ? { cohort: { name: draft.cohortName, startDate: draft.cohortStart, prairieEnd: draft.prairieEnd } } : {};
}

/** The cohort's fields (name, training start, end of the prairie), each showing the API's refusal of it; `idPrefix` keeps their ids unique on the page. */
export function CohortFields({ idPrefix, draft, errors, onEdit }: { idPrefix: string; draft: CohortDraft; errors: Record<string, string>; onEdit(patch: Partial<CohortDraft>): void }) {
  const t = useMessages(MANAGER);
  return (
    <div class="stack">
      <TextField id={`${idPrefix}-cohort`} label={t.cohortName} value={draft.cohortName} onValue={(v) => onEdit({ cohortName: v })} error={errors['cohort.name'] ?? errors.cohort} />
      <div class="row manager-fields-row">
        <TextField id={`${idPrefix}-cohort-start`} type="date" label={t.cohortStart} value={draft.cohortStart} onValue={(v) => onEdit({ cohortStart: v })} error={errors['cohort.startDate']} />
        <TextField id={`${idPrefix}-prairie`} type="date" label={t.prairieEnd} value={draft.prairieEnd} onValue={(v) => onEdit({ prairieEnd: v })} error={errors['cohort.prairieEnd']} />
      </div>
    </div>
  );
}
