import { useMessages } from '../../../i18n/i18n';
import { MANAGER_IMPORT } from '../messages';
import { TableScroll } from '../table-scroll';
import { cellText, type ImportKind, type ImportRow } from './contract';

/** The columns of a preview, in the order the file gives them. */
function columnsOf(rows: readonly ImportRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) seen.add(key);
  return [...seen];
}

const TONE = { ok: 'badge-ok', error: 'badge-error', dropped: 'badge-neutral' } as const;

/**
 * The preview of an import, one row per line of the file: its values, its status in words,
 * each error naming its column and rule, and for an erroneous row a "drop this row" checkbox.
 */
export function PreviewTable({ kind, fileName, rows, dropped, locked, onDrop }: { kind: ImportKind; fileName: string; rows: readonly ImportRow[]; dropped: readonly number[]; locked: boolean; onDrop(line: number, drop: boolean): void }) {
  const t = useMessages(MANAGER_IMPORT);
  const columns = columnsOf(rows);
  const statusOf = (row: ImportRow) => (dropped.includes(row.line) ? 'dropped' : row.status);
  const count = (status: ImportRow['status']) => rows.filter((r) => statusOf(r) === status).length;
  const caption = t.caption(fileName, rows.length, count('ok'), count('error'), count('dropped'));
  return (
    <TableScroll label={caption}>
      <table class="manager-import-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {t.columnName(kind, c)}
              </th>
            ))}
            <th scope="col">{t.status}</th>
            <th scope="col">{t.errors}</th>
            <th scope="col">{t.drop}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const status = statusOf(row);
            const id = `import-${kind}-drop-${row.line}`;
            return (
              <tr key={row.line} class={status === 'error' ? 'row-error' : status === 'dropped' ? 'row-dropped' : undefined} data-line={row.line}>
                <th scope="row">{t.lineNumber(row.line)}</th>
                {columns.map((c) => (
                  <td key={c}>{cellText(row.values[c], t.yes, t.no)}</td>
                ))}
                <td>
                  <span class={`badge ${TONE[status]}`}>{t.rowStatus(status)}</span>
                </td>
                <td>
                  {row.errors.length > 0 && (
                    <ul class="manager-row-errors">
                      {row.errors.map((e) => (
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
                  )}
                </td>
                <td>
                  {row.status !== 'ok' && (
                    <label class="inline" for={id}>
                      <input id={id} type="checkbox" checked={status === 'dropped'} disabled={locked || row.status === 'dropped'} onChange={(e) => onDrop(row.line, (e.target as HTMLInputElement).checked)} />
                      {t.dropLine(row.line)}
                    </label>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
