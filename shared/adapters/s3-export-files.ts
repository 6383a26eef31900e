import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { zipSync, type Zippable } from 'fflate';
import type { ExportFile, ExportFiles, PublishedExport } from '../use-cases/records/ports';
import { s3 } from './aws/s3-client';

/** The prefix of exports in the working bucket, expired after a day by its lifecycle. */
export const EXPORTS_PREFIX = 'exports/';

/** The date every entry of an export carries, so the same files make the same archive. */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/** The files as one ZIP archive, entries in path order, dated alike. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) entries[file.path] = [file.bytes, { mtime: ENTRY_DATE }];
  return zipSync(entries, { level: 6 });
}

/**
 * Exports handed to the quality committee: written under `exports/` of the deliverables bucket,
 * whose lifecycle deletes them after a day (never to the records bucket, which would keep a copy
 * of personal data for a century), and downloaded through a short-lived URL.
 */
export class S3ExportFiles implements ExportFiles {
  constructor(private readonly bucket: string) {}

  async publishZip(key: string, files: readonly ExportFile[], fileName: string, expiresInSeconds: number): Promise<PublishedExport> {
    const bytes = zipFiles(files);
    const objectKey = `${EXPORTS_PREFIX}${key}`;
    await s3().send(new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, Body: bytes, ContentType: 'application/zip' }));
    const url = await getSignedUrl(
      s3(),
      new GetObjectCommand({ Bucket: this.bucket, Key: objectKey, ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"` }),
      { expiresIn: expiresInSeconds },
    );
    return { url, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
}
