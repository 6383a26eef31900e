declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { Readable } from 'node:stream';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    vhostBuckets?: boolean;
    allowMismatchedSignatures?: boolean;
    resetOnClose?: boolean;
  }

  /** Object metadata as s3rver keeps it: lower-case header names (`content-type`, `etag`, `x-amz-meta-*`…). */
  export type ObjectMetadata = Record<string, string | number>;

  /** An inclusive byte range of an object. */
  export interface ByteRange {
    start: number;
    end: number;
  }

  /** An object as s3rver's controllers and store exchange it (`lib/models/object.js`). */
  export interface S3rverObject {
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: ObjectMetadata;
    range?: ByteRange;
  }

  /** The methods of s3rver's `FilesystemStore` (`lib/stores/filesystem.js`) that versioning wraps or uses. */
  export interface FilesystemStore {
    getResourcePath(bucket: string, key: string, resource: string): string;
    getObject(bucket: string, key: string, options?: Partial<ByteRange>): Promise<S3rverObject | null>;
    putObject(object: S3rverObject): Promise<{ md5: string; size: number }>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata: Record<string, string> | null,
    ): Promise<ObjectMetadata>;
    deleteObject(bucket: string, key: string): Promise<void>;
  }

  /** The part of the Koa context that versioning reads and writes. */
  export interface S3rverContext {
    method: string;
    query: Record<string, string | string[] | undefined>;
    get(field: string): string;
    set(field: string, value: string): void;
  }

  /** A Koa middleware of the s3rver application. */
  export type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

  /** s3rver's server: a Koa application that emits `event` for S3 notifications. */
  export default class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    /** The store every controller reaches as `ctx.store`. */
    readonly store: FilesystemStore;
    /** Koa's middleware list, composed when the server starts listening. */
    readonly middleware: S3rverMiddleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/models/error.js' {
  /** An S3 error: s3rver answers it as S3's XML error document, with the HTTP status of its code. */
  export default class S3Error extends Error {
    constructor(code: string, message?: string, detail?: Record<string, string>);
  }
}

declare module 's3rver/lib/models/object.js' {
  import type { Readable } from 'node:stream';
  import type { ByteRange, ObjectMetadata, S3rverObject } from 's3rver';

  /** s3rver's object: keeps only the metadata S3 stores and defaults the content type. */
  export default class S3Object implements S3rverObject {
    constructor(bucket: string, key: string, content: Readable | Buffer | null, metadata: ObjectMetadata);
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: ObjectMetadata;
    range?: ByteRange;
  }
}
