/** A presigned POST: the form fields to send with the file to `url`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** The deliverables bucket, as the use cases need it. */
export interface DeliverableFiles {
  /** A presigned POST for exactly this key: PDF only, at most `maxBytes`. */
  presignUpload(key: string, maxBytes: number, expiresInSeconds: number): Promise<PresignedUpload>;
  /** A short-lived download URL of one object. */
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** The object's bytes; empty when it is larger than `maxBytes` (its `size` says so). */
  read(key: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }>;
}

/** Reads a PDF's structure. */
export interface PdfInspector {
  /** The number of pages of a well-formed PDF, or undefined when the bytes are not one. */
  countPages(bytes: Uint8Array): Promise<number | undefined>;
}
