import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** One immutable version of an object, with the metadata S3 answers with (lower-case header names). */
export interface ObjectVersion {
  bucket: string;
  key: string;
  versionId: string;
  metadata: Record<string, string | number>;
}

const VERSION_ID = /^[A-Za-z0-9_-]{32}$/;

/**
 * Where the versions of the s3rver data folder `directory` are kept: its sibling
 * `<directory>-versions`. Inside `directory` s3rver would take any folder for a bucket.
 */
export function versionsDirectoryFor(directory: string): string {
  return `${resolve(directory)}-versions`;
}

/** Whether `value` has the shape of the version ids this store gives: 32 URL-safe characters. */
export function isVersionId(value: string): boolean {
  return VERSION_ID.test(value);
}

/**
 * Immutable object versions on disk. Each key has a folder `<root>/<bucket>/<sha-256 of the key>/`
 * holding, per version, `<versionId>` (the bytes) and `<versionId>.json` (the {@link ObjectVersion},
 * written last: a version exists once it is there), and `latest`, the id of the newest version.
 */
export class VersionStore {
  constructor(private readonly root: string) {}

  /** Writes the bytes of a new version under a fresh id. The version exists once committed. */
  async stage(bucket: string, key: string, content: Buffer | Readable): Promise<string> {
    const versionId = randomBytes(24).toString('base64url');
    const path = this.contentPath(bucket, key, versionId);
    await mkdir(dirname(path), { recursive: true });
    try {
      if (Buffer.isBuffer(content)) await writeFile(path, content, { flag: 'wx' });
      else await pipeline(content, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return versionId;
  }

  /** Records a staged version and makes it the latest of its key. */
  async commit(version: ObjectVersion): Promise<void> {
    const folder = this.keyFolder(version.bucket, version.key);
    await writeAtomically(join(folder, `${version.versionId}.json`), JSON.stringify(version, null, 2));
    await writeAtomically(join(folder, 'latest'), version.versionId);
  }

  /** Removes the bytes of a staged version whose write failed. */
  async discard(bucket: string, key: string, versionId: string): Promise<void> {
    await rm(this.contentPath(bucket, key, versionId), { force: true });
  }

  /** The committed version `versionId` of a key, if there is one. */
  async find(bucket: string, key: string, versionId: string): Promise<ObjectVersion | undefined> {
    if (!isVersionId(versionId)) return undefined;
    const json = await readIfExists(join(this.keyFolder(bucket, key), `${versionId}.json`));
    return json === undefined ? undefined : (JSON.parse(json) as ObjectVersion);
  }

  /** The id of the newest version of a key; none for an object written before versioning. */
  latest(bucket: string, key: string): Promise<string | undefined> {
    return readIfExists(join(this.keyFolder(bucket, key), 'latest'));
  }

  /** Streams the bytes of a version, or an inclusive byte range of them. */
  read(bucket: string, key: string, versionId: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.contentPath(bucket, key, versionId), range);
  }

  private keyFolder(bucket: string, key: string): string {
    return join(this.root, bucket, createHash('sha256').update(key).digest('hex'));
  }

  private contentPath(bucket: string, key: string, versionId: string): string {
    return join(this.keyFolder(bucket, key), versionId);
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
