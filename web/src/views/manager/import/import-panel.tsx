import { useState } from 'preact/hooks';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { useMessages } from '../../../i18n/i18n';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { MANAGER_IMPORT } from '../messages';
import { CommitBar } from './commit-bar';
import { sendImport, type ImportKind } from './contract';
import { PreviewTable } from './preview-table';

/**
 * One CSV import: the manager picks a file, the browser reads it as text (UTF-8) and sends it
 * for a preview; erroneous rows can be dropped; the commit writes the rest, once per attempt.
 */
export function ImportPanel({ sessionId, kind, onCommitted }: { sessionId: string; kind: ImportKind; onCommitted(): void }) {
  const t = useMessages(MANAGER_IMPORT);
  const [file, setFile] = useState<{ name: string; csv: string } | undefined>();
  const [reading, setReading] = useState<string | undefined>();
  const [dropped, setDropped] = useState<number[]>([]);
  const keys = useRetryKeys();
  const preview = useAction((client, csv: string) => sendImport(client, sessionId, kind, { csv, commit: false }));
  const commit = useAction(
    (client, csv: string, dropLines: number[]) => {
      return sendImport(client, sessionId, kind, { csv, commit: true, dropLines }, keys.keyFor(`${csv}\u0000${dropLines.join(',')}`));
    },
    (answer) => answer.committed && onCommitted(),
  );
  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    preview.clear();
    commit.clear();
    setDropped([]);
    if (!chosen) return setFile(undefined);
    setReading(chosen.name);
    try {
      const csv = await chosen.text();
      setFile({ name: chosen.name, csv });
      await preview.run(csv);
    } finally {
      setReading(undefined);
    }
  };
  const answer = preview.done;
  const inputId = `import-${kind}-file`;
  return (
    <section aria-labelledby={`import-${kind}-heading`} class="manager-import-panel">
      <h2 id={`import-${kind}-heading`}>{t.heading(kind)}</h2>
      <p>{t.columns(kind)}</p>
      <div class="manager-field">
        <label for={inputId}>{t.fileLabel(kind)}</label>
        <span class="muted manager-field-hint" id={`${inputId}-hint`}>
          {t.fileHint}
        </span>
        <input id={inputId} type="file" accept=".csv,text/csv" aria-describedby={`${inputId}-hint`} onChange={(e) => void choose(e.target as HTMLInputElement)} />
      </div>
      {reading && <Busy label={t.reading(reading)} />}
      {preview.running && !reading && <Busy label={t.previewing} />}
      <ProblemNotice problem={preview.problem} />
      {answer && file && (
        <>
          <PreviewTable
            kind={kind}
            fileName={file.name}
            rows={answer.rows}
            dropped={dropped}
            locked={commit.running || Boolean(commit.done?.committed)}
            onDrop={(line, drop) => {
              commit.clear();
              setDropped((all) => (drop ? [...all, line].sort((a, b) => a - b) : all.filter((l) => l !== line)));
            }}
          />
          {commit.done?.committed ? (
            <Done>{t.written(kind, commit.done.written)}</Done>
          ) : (
            <CommitBar kind={kind} rows={answer.rows} dropped={dropped} running={commit.running} onCommit={() => void commit.run(file.csv, dropped)} />
          )}
          <ProblemNotice problem={commit.problem} />
        </>
      )}
    </section>
  );
}
