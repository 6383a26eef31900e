import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Conflict } from '../domain/errors';
import type { RecordsArchive, StoredRecord } from '../use-cases/records/documents';
import { s3 } from './aws/s3-client';

const MISSING = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound', 'InvalidArgument']);

function isPreconditionFailed(error: unknown): boolean {
  return (error as Error).name === 'PreconditionFailed' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412;
}

/**
 * The records bucket: versioned, with S3 Object Lock in compliance mode and a default retention
 * on AWS, so no version can be overwritten or deleted before it ends. Each record is written with
 * `If-None-Match: *`, so a key that holds a record is never given another (PV-7), with its
 * SHA-256 checked by S3 on arrival, and its lock read back from S3 to be recorded.
 */
export class S3RecordsArchive implements RecordsArchive {
  constructor(private readonly bucket: string) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredRecord> {
    const digest = createHash('sha256').update(bytes);
    const sha256 = digest.copy().digest('hex');
    try {
      const written = await s3().send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType, IfNoneMatch: '*', ChecksumSHA256: digest.digest('base64') }),
      );
      const s3VersionId = written.VersionId ?? '';
      return { key, s3VersionId, sha256, contentType, size: bytes.length, ...(await this.lockOf(key, s3VersionId)) };
    } catch (error) {
      if (isPreconditionFailed(error)) {
        throw new Conflict({
          en: `the record ${key} is already written; sealed records are kept unaltered (PV-7)`,
          fr: `le document ${key} est déjà écrit ; les documents scellés sont conservés sans modification (PV-7)`,
        });
      }
      throw error;
    }
  }

  async find(key: string): Promise<StoredRecord | undefined> {
    try {
      const object = await s3().send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      const s3VersionId = object.VersionId ?? '';
      return {
        key,
        s3VersionId,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        contentType: object.ContentType ?? 'application/octet-stream',
        size: bytes.length,
        ...lockFrom(object),
      };
    } catch (error) {
      if (MISSING.has((error as Error).name)) return undefined;
      throw error;
    }
  }

  async read(key: string, s3VersionId: string): Promise<Uint8Array | undefined> {
    try {
      const object = await s3().send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: s3VersionId }));
      return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    } catch (error) {
      if (MISSING.has((error as Error).name)) return undefined;
      throw error;
    }
  }

  presignDownload(record: StoredRecord, fileName: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(
      s3(),
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: record.key,
        VersionId: record.s3VersionId,
        ResponseContentType: record.contentType,
        ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      }),
      { expiresIn: expiresInSeconds },
    );
  }

  private async lockOf(key: string, s3VersionId: string): Promise<Pick<StoredRecord, 'lock'>> {
    const head = await s3().send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...(s3VersionId ? { VersionId: s3VersionId } : {}) }));
    return lockFrom(head);
  }
}

function lockFrom(object: { ObjectLockMode?: string; ObjectLockRetainUntilDate?: Date }): Pick<StoredRecord, 'lock'> {
  return object.ObjectLockMode && object.ObjectLockRetainUntilDate ? { lock: { mode: object.ObjectLockMode, retainUntil: object.ObjectLockRetainUntilDate.toISOString() } } : {};
}
