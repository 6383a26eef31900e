import type { ApiResponse, CertiflowClient } from '../../../../client/certiflow-client';
import type { ArchiveExport } from '../../../../shared/use-cases/records/archives';
import { useAction } from '../../app/api';
import { formatBytes } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Busy, ProblemNotice } from '../../ui/problem';
import { QUALITY } from './messages';

function ArchiveLink({ archive, compact }: { archive: ArchiveExport; compact: boolean }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  return (
    <div class="notice notice-ok quality-archive" role="status">
      <p>
        <a href={archive.url} download>
          {t.downloadArchive(formatBytes(archive.size, language))}
        </a>{' '}
        <span class="muted">{t.archiveExpires(Math.round(archive.expiresInSeconds / 60))}</span>
      </p>
      <p>
        {t.archiveFingerprint} : <code class="quality-hash">{archive.sha256}</code>
      </p>
      {!compact && (
        <details>
          <summary>{t.archiveFiles(archive.files.length)}</summary>
          <DataTable
            caption={t.archiveFiles(archive.files.length)}
            columns={[
              { header: t.file, rowHeader: true, cell: (file) => <code>{file.path}</code> },
              { header: t.size, cell: (file) => formatBytes(file.size, language) },
            ]}
            rows={archive.files}
            rowKey={(file) => file.path}
          />
        </details>
      )}
    </div>
  );
}

/** Asks the API for an export of sealed records and shows its download link, fingerprint and contents; a refusal is shown as the API says it. */
export function ArchiveExportButton({ label, exportWith, compact = false }: { label: string; exportWith(client: CertiflowClient): Promise<ApiResponse<{ archive: ArchiveExport }>>; compact?: boolean }) {
  const t = useMessages(QUALITY);
  const action = useAction((client) => exportWith(client));
  return (
    <div class="stack quality-archive-export">
      <div class="row">
        <button type="button" class="secondary" disabled={action.running} onClick={() => void action.run()}>
          {label}
        </button>
      </div>
      {action.running && <Busy label={t.exporting} />}
      <ProblemNotice problem={action.problem} />
      {action.done && <ArchiveLink archive={action.done.archive} compact={compact} />}
    </div>
  );
}
