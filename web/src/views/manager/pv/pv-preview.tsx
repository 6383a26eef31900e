import { useEffect } from 'preact/hooks';
import { useAction } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatBytes } from '../../../i18n/format';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { pdfUrl } from '../../shared/pv/pdf-url';
import { MANAGER_PV } from '../messages';

/** The PV as read: the SHA-256 the server states for the bytes, a `blob:` URL to download them, their size. */
export interface DraftRead {
  /** Whether what was read is the sealed record (else a draft). */
  sealed: boolean;
  sha256: string;
  url: string;
  size: number;
}

/** Reads the PV's PDF (the draft, or the sealed record) and offers it as a download; what is read is what the manager signs. */
export function PvPreview({ sessionId, sealed, draftSha256, read, onRead }: { sessionId: string; sealed: boolean; draftSha256: string | undefined; read: DraftRead | undefined; onRead(read: DraftRead | undefined): void }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  const fetchPdf = useAction(
    (client) => client.pvPdf(sessionId),
    ({ bytes, sha256 }) => {
      if (read) URL.revokeObjectURL(read.url);
      onRead({ sealed, sha256, size: bytes.byteLength, url: pdfUrl(bytes) });
    },
  );
  useEffect(() => () => read && URL.revokeObjectURL(read.url), [read]);
  const changed = !sealed && read && draftSha256 && read.sha256 !== draftSha256;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{sealed ? t.sealedPdfHeading : t.previewHeading}</h2>
      {!sealed && <p>{t.previewIntro}</p>}
      <p>
        <button type="button" class="secondary" disabled={fetchPdf.running} onClick={() => void fetchPdf.run()}>
          {sealed ? t.readSealed : read ? t.readAgain : t.readDraft}
        </button>
      </p>
      {fetchPdf.running && <Busy label={t.reading} />}
      <ProblemNotice problem={fetchPdf.problem} />
      {read && (
        <div class="stack" role="status">
          <p>
            <a href={read.url} download={`pv-${sessionId}${sealed ? '' : '-projet'}.pdf`}>
              {t.download(sealed, formatBytes(read.size, language))}
            </a>
          </p>
          <p class="manager-small">
            {t.readSha} <code class="manager-hash">{read.sha256}</code>
          </p>
        </div>
      )}
      {changed && <p class="notice notice-warn">{t.draftChanged}</p>}
    </section>
  );
}
