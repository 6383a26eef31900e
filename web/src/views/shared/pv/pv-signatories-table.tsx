import type { ComponentChildren } from 'preact';
import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useMessages } from '../../../i18n/i18n';
import { WORDS } from '../../../i18n/words';
import { DataTable } from '../../../ui/data-table';

/** One signatory of the PV's part 3. */
export type PvSignatory = PvStatus['signatures'][number];

/** PV-4: the PV's part 3, each signatory (under `nameHeader`), in what capacity, and their signature as the area says it. */
export function PvSignatoriesTable({ status, caption, nameHeader, signature }: { status: PvStatus; caption: string; nameHeader: string; signature(signatory: PvSignatory): ComponentChildren }) {
  const w = useMessages(WORDS);
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: nameHeader, rowHeader: true, cell: (s) => s.name },
        { header: w.capacity, cell: (s) => w.pvRole(s.role) },
        { header: w.signature, cell: signature },
      ]}
      rows={status.signatures}
      rowKey={(s) => s.signerId}
    />
  );
}
