import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useMessages } from '../../../i18n/i18n';
import { MANAGER_IMPORT } from '../messages';
import { ImportPanel } from './import-panel';

/** The import tab: candidates and jurors from CSV files, each previewed row by row before anything is written. */
export function ImportTab({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_IMPORT);
  return (
    <>
      <p>{t.intro}</p>
      {session.status !== 'planning' && <p class="notice notice-warn">{t.notPlanning}</p>}
      <ImportPanel sessionId={session.id} kind="candidates" onCommitted={onChanged} />
      <ImportPanel sessionId={session.id} kind="jurors" onCommitted={onChanged} />
    </>
  );
}
