import type { GridView } from '../../../../../shared/use-cases/exam-day/grids';
import { formatInstant } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { JUROR } from '../messages';

/** DELIB-4: the jurors who sign the grid, and who has signed which revision, when. */
export function GridSignatures({ grid, nameOf }: { grid: GridView; nameOf(jurorId: string): string }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const signatureOf = (jurorId: string) => grid.signatures.find((s) => s.jurorId === jurorId && s.hash === grid.hash);
  return (
    <DataTable
      caption={t.signersCaption}
      columns={[
        { header: t.colJuror, rowHeader: true, cell: nameOf },
        {
          header: t.colSignature,
          cell: (jurorId) => {
            const signature = signatureOf(jurorId);
            return signature ? <span class="badge badge-ok">{t.signedOn(formatInstant(signature.signedAt, grid.timeZone, language))}</span> : <span class="badge badge-neutral">{t.notSigned}</span>;
          },
        },
      ]}
      rows={grid.signers}
      rowKey={(jurorId) => jurorId}
    />
  );
}

/** The deliberation's result once every juror signed: the PV's result and the blocks now held (DELIB-2, DELIB-3). */
export function GridOutcome({ outcome }: { outcome: NonNullable<GridView['outcome']> }) {
  const t = useMessages(JUROR);
  return (
    <div class="card" role="status">
      <h4>{t.outcomeTitle}</h4>
      <p>
        <span class={`badge ${outcome.result === 'admitted' ? 'badge-ok' : outcome.result === 'partially-admitted' ? 'badge-warn' : 'badge-error'}`}>{t.result(outcome.result)}</span>
      </p>
      <p>
        {t.blocksValidated(outcome.blocksValidated.length > 0 ? outcome.blocksValidated.join(', ') : t.none)}
      </p>
    </div>
  );
}
