import { useMessages } from '../../../i18n/i18n';
import { MANAGER_IMPORT } from '../messages';
import type { ImportKind, ImportRow } from './contract';

/** The commit button, disabled with a sentence saying why while an erroneous row is kept; progress while it writes. */
export function CommitBar({ kind, rows, dropped, running, onCommit }: { kind: ImportKind; rows: readonly ImportRow[]; dropped: readonly number[]; running: boolean; onCommit(): void }) {
  const t = useMessages(MANAGER_IMPORT);
  const kept = rows.filter((r) => r.status === 'error' && !dropped.includes(r.line));
  const writable = rows.filter((r) => r.status === 'ok' && !dropped.includes(r.line)).length;
  const why = kept.length > 0 ? t.blockedByErrors(kept.map((r) => r.line)) : writable === 0 ? t.nothingToWrite : undefined;
  const whyId = `import-${kind}-why`;
  return (
    <div class="stack manager-commit-bar">
      {why && (
        <p class="notice notice-warn" id={whyId}>
          {why}
        </p>
      )}
      {running && (
        <div role="status" class="stack">
          <span>{t.committing(writable)}</span>
          <progress aria-label={t.committing(writable)} />
        </div>
      )}
      <p>
        <button type="button" disabled={Boolean(why) || running} onClick={onCommit} {...(why ? { 'aria-describedby': whyId } : {})}>
          {t.commitButton(kind, writable)}
        </button>
      </p>
    </div>
  );
}
