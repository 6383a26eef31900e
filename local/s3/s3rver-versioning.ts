import { AsyncLocalStorage } from 'node:async_hooks';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { S3Event } from 'aws-lambda';
import type S3rver from 's3rver';
import type { ByteRange, FilesystemStore, S3rverContext, S3rverObject } from 's3rver';
import S3Error from 's3rver/lib/models/error.js';
import S3Object from 's3rver/lib/models/object.js';
import { isVersionId, type VersionStore } from './version-store';

/** What one request asked of versioning and what it created. */
interface RequestVersions {
  requested?: string;
  created?: string;
  /** `If-None-Match: *`: a write that must not replace an existing object (S3's conditional write). */
  createOnly?: boolean;
}

const requests = new AsyncLocalStorage<RequestVersions>();

/**
 * Makes s3rver behave like a versioned bucket. Every object write (PUT, POST, copy, completed
 * multipart upload) keeps an immutable version in `versions` and answers its id in
 * `x-amz-version-id`; GET and HEAD with `?versionId=` serve that version (404 `NoSuchVersion` if
 * the key has no such version, 400 `InvalidArgument` if the id is not one this store could have
 * given); without it they serve the latest object as before, with its version id. DELETE with
 * `?versionId=` answers 501 `NotImplemented` rather than deleting the latest object. A PUT with
 * `If-None-Match: *` on a key that holds an object answers 412 `PreconditionFailed`, as S3 does.
 * In a bucket of `lockedBuckets` (Object Lock in compliance mode with a default retention, like
 * the records bucket), every version carries its lock mode and retain-until date, and every
 * DELETE answers 403 `AccessDenied`; a PUT on an existing key adds a version, as on S3, and the
 * locked one stays. (S3 would let an unversioned DELETE add a delete marker; refusing it is stricter.)
 * Call before `server.run()`: the middleware goes first in Koa's list, composed at `listen`.
 */
export function enableVersioning(server: S3rver, versions: VersionStore, options: { lockedBuckets?: readonly string[] } = {}): void {
  server.middleware.unshift(trackRequestVersions);
  Object.assign(server.store, versionedMethods(server.store, versions, new Set(options.lockedBuckets ?? [])));
}

/** The default retention of a locked bucket, as the deployed records bucket has it: 100 years. */
const LOCK_RETENTION_MS = 36_500 * 24 * 3600 * 1000;

const LOCK_HEADERS = ['x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date'] as const;

/** The Object Lock headers S3 answers for a version written to a bucket with a default retention. */
function lockMetadata(): Record<string, string> {
  return { 'x-amz-object-lock-mode': 'COMPLIANCE', 'x-amz-object-lock-retain-until-date': new Date(Date.now() + LOCK_RETENTION_MS).toISOString() };
}

/**
 * Adds to an object-created event the version its request created, as `s3.object.versionId`,
 * like S3 does for a versioned bucket. s3rver emits its events synchronously within the request.
 */
export function withVersionId(event: S3Event): S3Event {
  const versionId = requests.getStore()?.created;
  if (!versionId) return event;
  for (const record of event.Records) {
    if (record.eventName.startsWith('ObjectCreated:')) record.s3.object.versionId = versionId;
  }
  return event;
}

async function trackRequestVersions(ctx: S3rverContext, next: () => Promise<void>): Promise<void> {
  const versionId = ctx.query.versionId;
  const request: RequestVersions = { requested: typeof versionId === 'string' ? versionId : undefined, createOnly: ctx.get('if-none-match') === '*' };
  await requests.run(request, next);
  if (request.created) ctx.set('x-amz-version-id', request.created);
}

function versionedMethods(store: FilesystemStore, versions: VersionStore, lockedBuckets: ReadonlySet<string>): Partial<FilesystemStore> {
  const original = {
    getObject: store.getObject.bind(store),
    putObject: store.putObject.bind(store),
    copyObject: store.copyObject.bind(store),
    deleteObject: store.deleteObject.bind(store),
  };
  /** Adds to a locked bucket's object the lock its version was written with. */
  const withLock = async (object: S3rverObject): Promise<S3rverObject> => {
    const versionId = String(object.metadata['x-amz-version-id'] ?? '');
    if (!lockedBuckets.has(object.bucket) || !versionId) return object;
    const version = await versions.find(object.bucket, object.key, versionId);
    for (const header of LOCK_HEADERS) if (version?.metadata[header]) object.metadata[header] = String(version.metadata[header]);
    return object;
  };
  return {
    async getObject(bucket, key, options) {
      const requested = requests.getStore()?.requested;
      if (requested !== undefined) return withLock(await readVersion(versions, bucket, key, requested, options));
      const object = await original.getObject(bucket, key, options);
      const latest = object && (await versions.latest(bucket, key));
      if (object && latest) object.metadata['x-amz-version-id'] = latest;
      return object && withLock(object);
    },

    async putObject(object) {
      if (requests.getStore()?.createOnly && (await versions.latest(object.bucket, object.key))) {
        throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
      }
      if (lockedBuckets.has(object.bucket)) Object.assign(object.metadata, lockMetadata());
      const versionId = await versions.stage(object.bucket, object.key, object.content ?? Buffer.alloc(0));
      const content = versions.read(object.bucket, object.key, versionId);
      try {
        object.content = content;
        const written = await original.putObject(object);
        const lastModified = (await stat(store.getResourcePath(object.bucket, object.key, 'object'))).mtime;
        const metadata = { ...object.metadata, etag: JSON.stringify(written.md5), 'content-length': written.size, 'last-modified': lastModified.toUTCString() };
        await versions.commit({ bucket: object.bucket, key: object.key, versionId, metadata });
        created(versionId);
        return written;
      } catch (error) {
        content.destroy();
        await versions.discard(object.bucket, object.key, versionId);
        throw error;
      }
    },

    async copyObject(srcBucket, srcKey, destBucket, destKey, replacementMetadata) {
      const metadata = await original.copyObject(srcBucket, srcKey, destBucket, destKey, replacementMetadata);
      const versionId = await versions.stage(destBucket, destKey, createReadStream(store.getResourcePath(destBucket, destKey, 'object')));
      await versions.commit({ bucket: destBucket, key: destKey, versionId, metadata });
      created(versionId);
      return metadata;
    },

    async deleteObject(bucket, key) {
      if (lockedBuckets.has(bucket)) throw new S3Error('AccessDenied', 'Access Denied because object protected by object lock.');
      if (requests.getStore()?.requested !== undefined) {
        throw new S3Error('NotImplemented', 'Deleting a version of an object is not implemented by the local S3.');
      }
      return original.deleteObject(bucket, key);
    },
  };
}

function created(versionId: string): void {
  const request = requests.getStore();
  if (request) request.created = versionId;
}

async function readVersion(versions: VersionStore, bucket: string, key: string, versionId: string, options?: Partial<ByteRange>): Promise<S3rverObject> {
  if (!isVersionId(versionId)) {
    throw new S3Error('InvalidArgument', 'Invalid version id specified', { ArgumentName: 'versionId', ArgumentValue: versionId });
  }
  const version = await versions.find(bucket, key, versionId);
  if (!version) throw new S3Error('NoSuchVersion', 'The specified version does not exist.', { Key: key, VersionId: versionId });
  const range = byteRange(Number(version.metadata['content-length']), options);
  const content = range.satisfiable ? versions.read(bucket, key, versionId, range) : null;
  const object = new S3Object(bucket, key, content, version.metadata);
  if (range.asked) object.range = { start: range.start, end: range.end };
  object.metadata['x-amz-version-id'] = versionId;
  return object;
}

/** The range a `Range` header asks of an object of `size` bytes, computed as s3rver's store does. */
function byteRange(size: number, options: Partial<ByteRange> = {}): ByteRange & { asked: boolean; satisfiable: boolean } {
  const start = options.start || 0;
  const end = Math.min(options.end || Infinity, Math.max(0, size - 1));
  return { start, end, asked: options.start !== undefined || Boolean(options.end), satisfiable: start >= 0 && start <= end };
}
