import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
  type GetObjectCommandInput,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../../local/local-aws';
import { startS3Local, type S3Local } from '../../../local/s3/s3-local';

const BUCKET = 'deliverables';
const LOCKED = 'records';
const TIMEOUT = 30_000;

let root: string;
let s3Local: S3Local | undefined;
let client: S3Client;
const records: S3EventRecord[] = [];

async function start(): Promise<void> {
  s3Local = await startS3Local({
    host: '127.0.0.1',
    port: 0,
    directory: join(root, 's3'),
    lockedBuckets: [LOCKED],
    onEvent: (event: S3Event) => records.push(...event.Records),
  });
  client = new S3Client({ endpoint: s3Local.url, forcePathStyle: true, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
}

async function stop(): Promise<void> {
  client?.destroy();
  await s3Local?.stop();
  s3Local = undefined;
}

async function put(key: string, body: Uint8Array): Promise<string> {
  const { VersionId } = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'application/octet-stream' }));
  expect(VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
  return VersionId!;
}

async function get(input: Omit<GetObjectCommandInput, 'Bucket'>): Promise<{ bytes: Buffer; versionId?: string }> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, ...input }));
  return { bytes: Buffer.from(await object.Body!.transformToByteArray()), versionId: object.VersionId };
}

async function postForm(key: string, bytes: Uint8Array): Promise<Response> {
  const upload = await createPresignedPost(client, { Bucket: BUCKET, Key: key, Fields: { 'Content-Type': 'application/pdf' }, Expires: 300 });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'report.pdf');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response;
}

async function eventsFor(key: string, count: number): Promise<S3EventRecord[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = records.filter((record) => record.s3.object.key === key);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pdfBytes = (tag: string): Buffer => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${tag}\n`), randomBytes(2048)]);
const md5 = (bytes: Uint8Array): string => `"${createHash('md5').update(bytes).digest('hex')}"`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'local-s3-versioning-'));
  await start();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await client.send(new CreateBucketCommand({ Bucket: LOCKED }));
}, TIMEOUT);

afterAll(async () => {
  await stop();
  await rm(root, { recursive: true, force: true });
}, TIMEOUT);

describe('local S3 versioning', () => {
  it('gives each PUT its own version and serves each version byte for byte, the latest without an id', async () => {
    const first = randomBytes(4096);
    const second = randomBytes(1000);
    const firstId = await put('uploads/put.bin', first);
    const secondId = await put('uploads/put.bin', second);

    expect(secondId).not.toBe(firstId);
    expect(await get({ Key: 'uploads/put.bin', VersionId: firstId })).toEqual({ bytes: first, versionId: firstId });
    expect(await get({ Key: 'uploads/put.bin', VersionId: secondId })).toEqual({ bytes: second, versionId: secondId });
    expect(await get({ Key: 'uploads/put.bin' })).toEqual({ bytes: second, versionId: secondId });
  }, TIMEOUT);

  it('gives each browser POST its own version, carried by its event and served by a presigned GET of that version', async () => {
    const key = 'uploads/session-1/reg-1/project-report/report.pdf';
    const uploads = [pdfBytes('first'), pdfBytes('second')];
    const responses = [await postForm(key, uploads[0]!), await postForm(key, uploads[1]!)];
    expect(responses.map((response) => response.status)).toEqual([204, 204]);

    const events = await eventsFor(key, 2);
    expect(events.map((record) => record.eventName)).toEqual(['ObjectCreated:Post', 'ObjectCreated:Post']);
    const versionIds = events.map((record) => record.s3.object.versionId);
    expect(versionIds[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(versionIds[1]).not.toBe(versionIds[0]);
    expect(responses.map((response) => response.headers.get('x-amz-version-id'))).toEqual(versionIds);

    for (const [index, versionId] of versionIds.entries()) {
      const disposition = `attachment; filename="report-v${index + 1}.pdf"`;
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: versionId, ResponseContentDisposition: disposition }), { expiresIn: 300 });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(uploads[index]);
      expect(response.headers.get('content-disposition')).toBe(disposition);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('etag')).toBe(md5(uploads[index]!));
      expect(response.headers.get('x-amz-version-id')).toBe(versionId);
    }
  }, TIMEOUT);

  it("answers HEAD with a version id with that version's length, ETag and id", async () => {
    const first = randomBytes(300);
    const second = randomBytes(7000);
    const firstId = await put('uploads/head.bin', first);
    const secondId = await put('uploads/head.bin', second);

    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/head.bin', VersionId: firstId }));
    expect({ length: head.ContentLength, etag: head.ETag, versionId: head.VersionId }).toEqual({ length: 300, etag: md5(first), versionId: firstId });
    const latest = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/head.bin' }));
    expect({ length: latest.ContentLength, versionId: latest.VersionId }).toEqual({ length: 7000, versionId: secondId });
  }, TIMEOUT);

  it('answers 404 NoSuchVersion for an unknown version id and 400 InvalidArgument for a malformed one', async () => {
    await put('uploads/unknown.bin', randomBytes(10));
    const unknown = randomBytes(24).toString('base64url');

    await expect(get({ Key: 'uploads/unknown.bin', VersionId: unknown })).rejects.toMatchObject({ name: 'NoSuchVersion', $metadata: { httpStatusCode: 404 } });
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/unknown.bin', VersionId: unknown }))).rejects.toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(get({ Key: 'uploads/unknown.bin', VersionId: 'not-a-version' })).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
  }, TIMEOUT);

  it('gives a copy its own version', async () => {
    const bytes = randomBytes(512);
    await put('uploads/source.bin', bytes);
    const copy = await client.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'uploads/copy.bin', CopySource: `${BUCKET}/uploads/source.bin` }));
    await put('uploads/copy.bin', randomBytes(64));

    expect(copy.VersionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await get({ Key: 'uploads/copy.bin', VersionId: copy.VersionId })).toEqual({ bytes, versionId: copy.VersionId });
  }, TIMEOUT);

  it('keeps versions across a restart, beside the buckets and not as one', async () => {
    const first = randomBytes(2000);
    const second = randomBytes(3000);
    const firstId = await put('uploads/restart.bin', first);
    const secondId = await put('uploads/restart.bin', second);

    await stop();
    await start();

    expect(await get({ Key: 'uploads/restart.bin', VersionId: firstId })).toEqual({ bytes: first, versionId: firstId });
    expect(await get({ Key: 'uploads/restart.bin' })).toEqual({ bytes: second, versionId: secondId });
    expect((await client.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name)).toEqual([BUCKET, LOCKED]);
    expect((await readdir(root)).sort()).toEqual(['s3', 's3-versions']);
  }, TIMEOUT);
});

describe('local S3 conditional writes and Object Lock (PV-7)', () => {
  it('PV-7: a PUT with If-None-Match: * on a key that holds an object answers 412 and leaves it as it was', async () => {
    const original = randomBytes(512);
    const { VersionId } = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'records/once.pdf', Body: original, IfNoneMatch: '*' }));
    const refused = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'records/once.pdf', Body: randomBytes(512), IfNoneMatch: '*' })).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).toBe('PreconditionFailed');
    expect(await get({ Key: 'records/once.pdf' })).toEqual({ bytes: original, versionId: VersionId });
  });

  it('PV-7: every version in a locked bucket says it is locked in compliance mode for a century, and no DELETE goes through', async () => {
    const bytes = randomBytes(256);
    const { VersionId } = await client.send(new PutObjectCommand({ Bucket: LOCKED, Key: 'sessions/s1/pv.pdf', Body: bytes, IfNoneMatch: '*' }));
    const head = await client.send(new HeadObjectCommand({ Bucket: LOCKED, Key: 'sessions/s1/pv.pdf', VersionId }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate!.getTime()).toBeGreaterThan(Date.now() + 99 * 365 * 24 * 3600 * 1000);

    for (const input of [{ Key: 'sessions/s1/pv.pdf' }, { Key: 'sessions/s1/pv.pdf', VersionId }]) {
      const refused = await client.send(new DeleteObjectCommand({ Bucket: LOCKED, ...input })).catch((error: Error) => error);
      expect((refused as Error).name).toBe('AccessDenied');
    }
    const overwrite = await client.send(new PutObjectCommand({ Bucket: LOCKED, Key: 'sessions/s1/pv.pdf', Body: randomBytes(256) }));
    expect(overwrite.VersionId).not.toBe(VersionId);
    const kept = await client.send(new GetObjectCommand({ Bucket: LOCKED, Key: 'sessions/s1/pv.pdf', VersionId }));
    expect(Buffer.from(await kept.Body!.transformToByteArray())).toEqual(bytes);
  });

  it('PV-7: a bucket that is not locked carries no lock and lets the latest object be deleted', async () => {
    const { VersionId } = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'uploads/unlocked.bin', Body: randomBytes(64) }));
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/unlocked.bin', VersionId }));
    expect(head.ObjectLockMode).toBeUndefined();
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'uploads/unlocked.bin' }));
  });
});
