import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionForm } from '../action-form';
import { CohortFields, cohortOf } from '../cohort-fields';
import { fieldErrors } from '../fields';
import { MANAGER_PLANNING } from '../messages';
import { useDraft } from '../use-draft';

/**
 * What the distributions show for a session without a cohort: why no deadline can be computed
 * (DIST-1..7 count from the cohort's calendar) and, while planning is open, the cohort to set.
 */
export function CohortMissing({ session, editable, onSet }: { session: SessionView; editable: boolean; onSet(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const { form, key, edit } = useDraft({ cohortName: '', cohortStart: '', prairieEnd: '' });
  const save = useAction((client) => client.updateSession(session.id, cohortOf(form), { ifMatch: session.version, idempotencyKey: key }), onSet);
  return (
    <>
      <p class="notice notice-warn">{t.cohortMissing}</p>
      {editable ? (
        <ActionForm action={save} busy={t.cohortSaving} done={save.done && t.cohortSaved} submit={t.cohortSave}>
          <h3>{t.cohortSetHeading}</h3>
          <CohortFields idPrefix="dist" draft={form} errors={fieldErrors(save.problem)} onEdit={edit} />
        </ActionForm>
      ) : (
        <p>{t.cohortMissingLocked}</p>
      )}
    </>
  );
}
