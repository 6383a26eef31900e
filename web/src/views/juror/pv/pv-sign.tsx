import { useEffect, useState } from 'preact/hooks';
import type { ApiResponse } from '../../../../../client/certiflow-client';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { formatBytes, formatInstant } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { pdfUrl } from '../../shared/pv/pdf-url';
import { JUROR } from '../messages';

/** The PV's PDF as read: a blob: URL to download it (the API needs the bearer token), its name, size and SHA-256. */
interface ReadPdf {
  url: string;
  fileName: string;
  size: number;
  sha256: string;
  /** What the service stated in x-content-sha256. */
  stated: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fileNameOf(headers: Headers, fallback: string): string {
  return /filename="?([^";]+)"?/.exec(headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Reads the PV's PDF with the signed-in client (`pvPdf`), offers it through a blob: link, and
 * lets a signatory sign the draft they read, naming the SHA-256 of those very bytes (PV-4), unless
 * their signature already stands on that draft; a refusal (PV-4 before the end of the session,
 * PV-7 once sealed, a draft changed since) shows.
 */
export function PvSign({
  sessionId,
  draft,
  signedSha256,
  fallbackName,
  timeZone,
  onSigned,
}: {
  sessionId: string;
  draft: boolean;
  /** The SHA-256 of the draft this juror's signature stands on, if it still does. */
  signedSha256?: string;
  fallbackName: string;
  timeZone: string;
  onSigned(): void;
}) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const keys = useRetryKeys();
  const [pdf, setPdf] = useState<ReadPdf | undefined>();
  useEffect(() => () => pdf && URL.revokeObjectURL(pdf.url), [pdf]);
  const read = useAction(
    async (client): Promise<ApiResponse<ReadPdf>> => {
      const response = await client.pvPdf(sessionId);
      if (!response.data) return { status: response.status, headers: response.headers, ...(response.error ? { error: response.error } : {}) };
      const { bytes, sha256: stated } = response.data;
      const sha256 = await sha256Hex(bytes);
      if (stated && stated !== sha256) return { status: 502, headers: response.headers, error: { code: 'DigestMismatch', message: t.pdfMismatch } };
      const url = pdfUrl(bytes);
      return { status: 200, headers: response.headers, data: { url, fileName: fileNameOf(response.headers, fallbackName), size: bytes.byteLength, sha256, stated } };
    },
    (next) => setPdf(next),
  );
  const sign = useAction((client, sha256: string, key: string) => client.signPv(sessionId, sha256, { idempotencyKey: key }), onSigned);
  const signRead = async (sha256: string) => {
    if (await sign.run(sha256, keys.keyFor(sha256))) keys.succeeded(sha256);
  };
  return (
    <section aria-labelledby="pv-read-sign">
      <h3 id="pv-read-sign">{t.readAndSign}</h3>
      {draft && <p>{t.readFirst}</p>}
      <div class="row">
        <button type="button" class="secondary" disabled={read.running} onClick={() => void read.run()}>
          {t.preparePdf}
        </button>
      </div>
      {read.running && <Busy label={t.preparingPdf} />}
      <ProblemNotice problem={read.problem} />
      {pdf && (
        <div role="status">
          <p>
            <a href={pdf.url} download={pdf.fileName}>
              {t.pdfLink(draft, formatBytes(pdf.size, language))}
            </a>
          </p>
          <p class="muted juror-hash">{t.pdfFingerprint(pdf.sha256)}</p>
        </div>
      )}
      {pdf && draft && pdf.sha256 === signedSha256 && !sign.done && <p>{t.pvSignedAlready}</p>}
      {pdf && draft && pdf.sha256 !== signedSha256 && (
        <div class="row">
          <button type="button" disabled={sign.running} onClick={() => void signRead(pdf.sha256)}>
            {t.signPv}
          </button>
        </div>
      )}
      {sign.running && <Busy label={t.signingPv} />}
      <ProblemNotice problem={sign.problem} />
      {sign.done && <Done>{t.pvSignedNow(formatInstant(sign.done.signature.signedAt, timeZone, language))}</Done>}
    </section>
  );
}
