import { useMessages } from '../../../i18n/i18n';
import { DataTable, type Column } from '../../../ui/data-table';
import { MANAGER_IMPORT } from '../messages';
import { cellText, type ImportKind, type ImportRow } from './contract';

/** The file's columns, in the order the file gives them. */
function columnsOf(rows: readonly ImportRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) seen.add(key);
  return [...seen];
}

const TONE = { ok: 'badge-ok', error: 'badge-error', dropped: 'badge-neutral' } as const;

/** A row's errors, each naming its column and, where one applies, its rule. */
function RowErrors({ errors }: { errors: ImportRow['errors'] }) {
  const t = useMessages(MANAGER_IMPORT);
  return (
    <ul class="manager-row-errors">
      {errors.map((e) => (
        <li key={e.field + e.message}>
          {t.column} <code>{e.field}</code> : {e.message}
          {e.ruleId && (
            <>
              {' '}
              <span class="badge badge-warn manager-rule-id">{e.ruleId}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The preview of an import, one row per line of the file: its status in words, each error naming
 * its column and rule, for an erroneous row a "drop this row" checkbox, then its values. What the
 * manager must read and act on comes first, so that it shows on a laptop without scrolling sideways.
 */
export function PreviewTable({ kind, fileName, rows, dropped, locked, onDrop }: { kind: ImportKind; fileName: string; rows: readonly ImportRow[]; dropped: readonly number[]; locked: boolean; onDrop(line: number, drop: boolean): void }) {
  const t = useMessages(MANAGER_IMPORT);
  const columns = columnsOf(rows);
  const statusOf = (row: ImportRow) => (dropped.includes(row.line) ? 'dropped' : row.status);
  const count = (status: ImportRow['status']) => rows.filter((r) => statusOf(r) === status).length;
  const dropId = (row: ImportRow) => `import-${kind}-drop-${row.line}`;
  const caption = t.caption(fileName, rows.length, count('ok'), count('error'), count('dropped'));
  return (
    <DataTable
      class="manager-import-preview"
      caption={caption}
      columns={[
        { header: t.line, rowHeader: true, cell: (row) => t.lineNumber(row.line) },
        { key: 'status', header: t.status, cell: (row) => <span class={`badge ${TONE[statusOf(row)]}`}>{t.rowStatus(statusOf(row))}</span> },
        { key: 'errors', header: t.errors, class: 'manager-import-errors', cell: (row) => row.errors.length > 0 && <RowErrors errors={row.errors} /> },
        {
          key: 'drop',
          header: t.drop,
          cell: (row) =>
            row.status !== 'ok' && (
              <label class="inline" for={dropId(row)}>
                <input id={dropId(row)} type="checkbox" checked={statusOf(row) === 'dropped'} disabled={locked || row.status === 'dropped'} onChange={(e) => onDrop(row.line, (e.target as HTMLInputElement).checked)} />
                {t.dropLine(row.line)}
              </label>
            ),
        },
        ...columns.map((c): Column<ImportRow> => ({ key: `value-${c}`, header: t.columnName(kind, c), cell: (row) => cellText(row.values[c], t.yes, t.no) })),
      ]}
      rows={rows}
      rowKey={(row) => row.line}
      rowAttributes={(row) => {
        const status = statusOf(row);
        return { class: status === 'error' ? 'row-error' : status === 'dropped' ? 'row-dropped' : undefined, 'data-line': row.line };
      }}
    />
  );
}
