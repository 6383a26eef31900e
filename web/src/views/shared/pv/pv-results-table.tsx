import type { ComponentChildren } from 'preact';
import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';
import { useMessages } from '../../../i18n/i18n';
import { WORDS } from '../../../i18n/words';
import { DataTable, type Column } from '../../../ui/data-table';

/** One row of the PV's part 2: a registered candidate and their result. */
export type PvResultRow = PvView['part2'][number];

/**
 * PV-3: the PV's part 2, each registered candidate's result and the blocks they validated (or
 * `noBlock`); the area words the result, and may add its own columns after these.
 */
export function PvResultsTable({ pv, caption, result, noBlock, more = [] }: { pv: PvView; caption: string; result(row: PvResultRow): ComponentChildren; noBlock: string; more?: ReadonlyArray<Column<PvResultRow>> }) {
  const w = useMessages(WORDS);
  const columns: Array<Column<PvResultRow>> = [
    {
      header: w.candidate,
      rowHeader: true,
      cell: (row) => (
        <>
          {row.firstName} {row.lastName}
        </>
      ),
    },
    { header: w.result, cell: result },
    { header: w.blocksValidated, cell: (row) => row.blocksValidated.join(', ') || noBlock },
    ...more,
  ];
  return <DataTable caption={caption} columns={columns} rows={pv.part2} rowKey={(row) => row.registrationId} />;
}
