import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import type { DeliverableFiles, PresignedUpload, StoredObject } from '../use-cases/deliverables/ports';
import { s3 } from './aws/s3-client';

/** What S3 answers for a key or version it does not hold (InvalidArgument: a malformed version id). */
const MISSING = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound', 'InvalidArgument']);

/** The deliverables bucket: presigned uploads and downloads, and reading an uploaded file. */
export class S3DeliverableFiles implements DeliverableFiles {
  constructor(private readonly bucket: string) {}

  /**
   * A presigned POST for exactly this key, PDF only, at most `maxBytes`, valid for
   * `expiresInSeconds`. S3 enforces the conditions; the intake handler checks again.
   */
  async presignUpload(key: string, maxBytes: number, expiresInSeconds: number): Promise<PresignedUpload> {
    return createPresignedPost(s3(), {
      Bucket: this.bucket,
      Key: key,
      Expires: expiresInSeconds,
      Fields: { 'Content-Type': 'application/pdf' },
      Conditions: [
        ['eq', '$key', key],
        ['eq', '$Content-Type', 'application/pdf'],
        ['content-length-range', 1, maxBytes],
      ],
    });
  }

  /** A short-lived download URL for exactly one object version, served as a named PDF. */
  presignDownload(key: string, s3VersionId: string, fileName: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(
      s3(),
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        VersionId: s3VersionId,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      }),
      { expiresIn: expiresInSeconds },
    );
  }

  /** One object version's bytes (the latest without a version id), refusing to read more than `maxBytes`; undefined when S3 holds no such version. */
  async read(key: string, s3VersionId: string | undefined, maxBytes: number): Promise<StoredObject | undefined> {
    let object;
    try {
      object = await s3().send(new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: s3VersionId }));
    } catch (error) {
      if (MISSING.has((error as Error).name)) return undefined;
      throw error;
    }
    const version = object.VersionId ?? '';
    const size = object.ContentLength ?? 0;
    if (size > maxBytes) {
      (object.Body as Readable | undefined)?.destroy();
      return { bytes: new Uint8Array(), size, s3VersionId: version };
    }
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return { bytes, size: bytes.length, s3VersionId: version };
  }
}
