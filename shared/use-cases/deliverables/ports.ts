/** A presigned POST: the form fields to send with the file to `url`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** The deliverables bucket, as the use cases need it. */
export interface DeliverableFiles {
  /** A presigned POST for exactly this key: PDF only, at most `maxBytes`. */
  presignUpload(key: string, maxBytes: number, expiresInSeconds: number): Promise<PresignedUpload>;
  /** A short-lived download URL of exactly one object version: it can serve no other bytes. */
  presignDownload(key: string, s3VersionId: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /**
   * One object version's bytes (the latest when `s3VersionId` is undefined), with the version
   * read; the bytes are empty when it is larger than `maxBytes` (its `size` says so); undefined
   * when that version does not exist.
   */
  read(key: string, s3VersionId: string | undefined, maxBytes: number): Promise<StoredObject | undefined>;
}

/** The bytes of one object version as read from the bucket. */
export interface StoredObject {
  bytes: Uint8Array;
  size: number;
  s3VersionId: string;
}

/** Reads a PDF's structure. */
export interface PdfInspector {
  /** The number of pages of a well-formed PDF, or undefined when the bytes are not one. */
  countPages(bytes: Uint8Array): Promise<number | undefined>;
}
