/**
 * Generating and sealing the PV and the grids of a 20-candidate session, against pdf-lib writing
 * the same pages bare (standard Helvetica, no embedded font, no layout, no storage).
 *
 *   npm run bench:records [-- candidates]      (default 20)
 *
 * The sealed set is what `POST /sessions/{id}/pv/seal` writes: the PV with its signatures and
 * stamp, and one grid per deliberated candidate, each rendered in French with Noto Sans embedded,
 * then written once to a local records bucket with Object Lock (PUT If-None-Match, then HEAD for
 * the lock). Prints wall times (median of 5 runs after a warm-up), pages and bytes. Figures, not
 * assertions: this machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws';
import { startS3Local } from '../local/s3/s3-local';
import { pdfDocuments } from '../shared/adapters/pdf/documents';
import { S3RecordsArchive } from '../shared/adapters/s3-records-archive';
import { referentialFor } from '../shared/domain';
import type { GridDocument, PvDocument } from '../shared/use-cases/records/documents';
import { sha256Of } from '../shared/use-cases/records/pv-documents';
import { writeOnce } from '../shared/use-cases/records/write-once';
import { stampPng } from '../test/e2e/support/documents';
import { median } from './support/stats';

const candidates = Number(process.argv[2] ?? 20);
const ref = referentialFor('RNCP34757');
const at = new Date('2027-06-15T16:00:00Z');
const signature = { signedAt: at, sha256: 'ab'.repeat(32) };
const names = Array.from({ length: candidates }, (_, i) => `Candidat·e ${i + 1} Lefèvre-Éloïse`);

const pv: PvDocument = {
  draft: false,
  datedAt: at,
  timeZone: 'Europe/Paris',
  part1: { certificationName: ref.title, rncpCode: ref.rncpCode, sessionDate: '2027-06-15', centreName: 'Centre de Lyon', centreAddress: '12 rue des Lilas, 69001 Lyon', counts: { registered: candidates, absent: 0, admitted: candidates / 2, partiallyAdmitted: candidates / 2, notAdmitted: 0 } },
  part2: names.map((name, i) => (i % 2 === 0 ? { name, result: 'admitted', blocksValidated: ['A1', 'A2', 'A3', 'A4'] } : { name, result: 'partially-admitted', blocksValidated: ['A1', 'A2'], reasons: 'A3 et A4 non démontrés à l’oral', recommendations: 'Reprendre le déploiement et la gestion de projet' })),
  part3: { jurors: [{ name: 'Camille Durand', signature }, { name: 'Jérôme Petit', signature }], sessionManager: { name: 'Hélène Roux', signature }, stamp: { bytes: stampPng(), contentType: 'image/png', appliedAt: at } },
  sealedAt: at,
};
const grid = (name: string, i: number): GridDocument => ({
  datedAt: at,
  timeZone: 'Europe/Paris',
  rncpCode: ref.rncpCode,
  certificationName: ref.title,
  sessionDate: '2027-06-15',
  candidateName: name,
  blocks: ref.blocks.map((b) => ({ code: b.code, title: b.title, competencies: ref.competencies.filter((c) => c.block === b.code).map((c) => ({ code: c.code, ...(c.title ? { title: c.title } : {}), acquired: i % 2 === 0 || ['A1', 'A2'].includes(b.code) })) })),
  blocksValidatedEarlier: [],
  result: i % 2 === 0 ? 'admitted' : 'partially-admitted',
  ...(i % 2 === 0 ? {} : { reasons: 'A3 et A4 non démontrés à l’oral', recommendations: 'Reprendre le déploiement' }),
  signatures: [{ name: 'Camille Durand', signature }, { name: 'Jérôme Petit', signature }],
});

/** The same pages and lines, drawn bare: Helvetica (WinAnsi, so accents are stripped), one line after another. */
async function bare(lines: string[], pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const perPage = Math.ceil(lines.length / pages);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    lines.slice(p * perPage, (p + 1) * perPage).forEach((line, i) => page.drawText(line.normalize('NFD').replace(/[^\x20-\x7e]/g, ''), { x: 50, y: 790 - i * 14, size: 9, font }));
  }
  return doc.save({ useObjectStreams: false });
}

async function pagesOf(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}


async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const dir = mkdtempSync(join(tmpdir(), 'certiflow-bench-records-'));
const s3Local = await startS3Local({ host: '127.0.0.1', port: 0, directory: join(dir, 's3'), lockedBuckets: ['records'], onEvent: () => undefined });
Object.assign(process.env, { AWS_ENDPOINT_URL_S3: s3Local.url, AWS_REGION: LOCAL_REGION, AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey });
const admin = new S3Client({ endpoint: s3Local.url, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
await admin.send(new CreateBucketCommand({ Bucket: 'records' }));
const archive = new S3RecordsArchive('records');

try {
  const rendered: number[] = [];
  const sealed: number[] = [];
  const bareTimes: number[] = [];
  let pageCount = 0;
  let bytes = 0;
  let bareBytes = 0;
  for (let run = 0; run <= 5; run++) {
    const render = await time(async () => [await pdfDocuments.pv(pv), ...(await Promise.all(names.map((n, i) => pdfDocuments.grid(grid(n, i)))))]);
    const write = await time(async () => {
      for (const [i, document] of render.value.entries()) await writeOnce(archive, `sessions/run-${run}/${i}.pdf`, document, 'application/pdf', sha256Of(document));
    });
    const counts = await Promise.all(render.value.map(pagesOf));
    const lines = render.value.map(() => [] as string[]);
    const texts = [pv.part2.map((r) => `${r.name} ${r.result} ${r.blocksValidated.join(',')} ${r.reasons ?? ''}`), ...names.map((n, i) => grid(n, i).blocks.flatMap((b) => b.competencies.map((c) => `${n} ${c.code} ${c.title ?? ''} ${c.acquired}`)))];
    texts.forEach((t, i) => lines[i]!.push(...t));
    const plain = await time(async () => Promise.all(lines.map((l, i) => bare(l, counts[i]!))));
    if (run === 0) continue;
    rendered.push(render.ms);
    sealed.push(render.ms + write.ms);
    bareTimes.push(plain.ms);
    pageCount = counts.reduce((a, b) => a + b, 0);
    bytes = render.value.reduce((a, b) => a + b.length, 0);
    bareBytes = plain.value.reduce((a, b) => a + b.length, 0);
  }
  const documents = candidates + 1;
  console.log(`Records of a ${candidates}-candidate session: 1 PV + ${candidates} grids = ${documents} documents, ${pageCount} pages (median of 5 runs)`);
  console.log(`  Certiflow, rendered (French, Noto Sans embedded, tables, stamp):  ${median(rendered).toFixed(0)} ms   ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`  Certiflow, rendered and sealed (write-once + lock read back):   ${median(sealed).toFixed(0)} ms   ${(median(sealed) / documents).toFixed(1)} ms per document`);
  console.log(`  pdf-lib bare, same pages and lines (Helvetica, no layout):       ${median(bareTimes).toFixed(0)} ms   ${(bareBytes / 1024).toFixed(0)} KiB`);
} finally {
  admin.destroy();
  await s3Local.stop();
  rmSync(dir, { recursive: true, force: true });
}
