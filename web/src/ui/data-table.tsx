import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

/** One column of a table: its header, and its cell for each row. */
export interface Column<T> {
  /** The column's header, a `th scope="col"`. */
  header: ComponentChildren;
  /** The cell of one row. */
  cell(row: T): ComponentChildren;
  /** Whether this column's cells head their row (`th scope="row"`), as one column of each table does. */
  rowHeader?: boolean;
  /** A class for this column's cells. */
  class?: string;
  /** The column's key, when columns come and go (else its place). */
  key?: string;
}

/** What a table's row carries besides its cells: a class, a `data-*` attribute, `aria-current`. */
export type RowAttributes = JSX.IntrinsicElements['tr'] & Record<`data-${string}`, string | number | undefined>;

/**
 * A table of rows, one header per column: named by its caption (or, where it has none, by
 * `label`), each row headed by the cell of its `rowHeader` column. It sits in a frame of its own
 * that scrolls sideways when the table is wider than the screen, so that the page itself never
 * does (WCAG 1.4.10, reflow at 320 px); the frame is a region named like the table, which the
 * keyboard can reach and scroll.
 */
export function DataTable<T>(props: { caption?: ComponentChildren; label?: string; class?: string; columns: ReadonlyArray<Column<T>>; rows: readonly T[]; rowKey(row: T): string | number; rowAttributes?(row: T): RowAttributes }) {
  const { caption, label, columns, rows, rowKey, rowAttributes } = props;
  const captionId = useId();
  const named = caption !== undefined ? { 'aria-labelledby': captionId } : { 'aria-label': label };
  return (
    <div class="table-scroll" role="region" tabIndex={0} {...named}>
      <table class={props.class} aria-label={label}>
        {caption !== undefined && <caption id={captionId}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={column.key ?? index}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th scope="row" key={column.key ?? index} class={column.class}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key ?? index} class={column.class}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
