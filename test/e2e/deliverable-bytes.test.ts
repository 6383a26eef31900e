import { createHash } from 'node:crypto';
import type { S3Event } from 'aws-lambda';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { bucketEventFunction } from '../../shared/wiring/functions';
import { daysFromNow } from './support/fixtures';
import { Inspector } from './support/inspect';
import { pdfWithPages, postToPresigned } from './support/pdf';
import { sessionInIntake, type BuiltSession } from './support/sessions';
import { eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';
import { idempotencyPartition } from '../../shared/http/idempotency';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a deliverable version is exactly the bytes that were checked (DELIV-7)', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let manager: CertiflowClient;
  let built: BuiltSession;
  let firstBytes: Uint8Array;
  let reusedGrant: { url: string; fields: Record<string, string>; uploadId: string };

  async function versionsOf(registrationId: string, type = 'project-report') {
    const status = await manager.deliverableStatus(built.sessionId, registrationId);
    return status.data!.intake.deliverables.find((d) => d.deliverableType === type)!;
  }

  async function jurorDownload(registrationId: string): Promise<{ bytes: Uint8Array; sha256: string }> {
    const download = await built.jurors[0]!.client.juryDownload(built.sessionId, registrationId, 'project-report');
    expect(download.status, JSON.stringify(download.error)).toBe(200);
    const response = await fetch(download.data!.download.url);
    return { bytes: new Uint8Array(await response.arrayBuffer()), sha256: download.data!.download.sha256 };
  }

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    manager = await env.clientAs('managers', { sub: 'manager-bytes', centreId: 'centre-bytes' });
    built = await sessionInIntake(env, manager, { sessionDate: daysFromNow(env.runtime.clock.now(), 30), candidates: 2 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('DELIV-7: the same presigned POST used twice: the first file is recorded with its S3 version and SHA-256; the second is refused, saying why', async () => {
    const alice = built.candidates[0]!;
    const grant = await alice.client.requestUpload(built.sessionId, alice.registrationId, 'project-report');
    expect(grant.status).toBe(201);
    reusedGrant = grant.data!.upload;
    firstBytes = await pdfWithPages(24, 'checked first');
    expect(await postToPresigned(reusedGrant, firstBytes)).toBe(204);
    await env.runtime.s3EventsIdle();
    expect(await postToPresigned(reusedGrant, await pdfWithPages(25, 'never checked by the jury'))).toBe(204);
    await env.runtime.s3EventsIdle();

    const report = await versionsOf(alice.registrationId);
    expect(report.versions.map((v) => [v.version, v.status, v.uploadId])).toEqual([
      [1, 'accepted', reusedGrant.uploadId],
      [2, 'refused', reusedGrant.uploadId],
    ]);
    expect(report.versions[0]!.sha256).toBe(sha256(firstBytes));
    expect(report.versions[1]!.violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/^DELIV-7: this upload URL was already used for version 1 of the project report, received at .* \(Europe\/Paris, UTC\+0[12]:00\); an upload URL takes one file, so this one is kept on record, refused, and never reaches the jury: ask for a new upload URL$/),
    ]);
    expect(report.currentVersionId).toBe(report.versions[0]!.id);
    const stored = (await inspect.partition(`SESSION#${built.sessionId}`)).filter((item) => item.entity === 'DeliverableVersion');
    expect(new Set(stored.map((item) => item.s3VersionId)).size).toBe(2);
  });

  it('DELIV-6: a manager sending the file for a candidate is recorded as such, the sender and the capacity', async () => {
    const bruno = built.candidates[1]!;
    const grant = await manager.requestUpload(built.sessionId, bruno.registrationId, 'project-report');
    expect(await postToPresigned(grant.data!.upload, await pdfWithPages(22, 'sent by the centre'))).toBe(204);
    await env.runtime.s3EventsIdle();
    const [version] = (await versionsOf(bruno.registrationId)).versions;
    expect(version).toMatchObject({ status: 'accepted', uploadedBy: 'manager-bytes', uploadedAs: 'session-manager' });
  });

  it('an Idempotency-Key replayed after its window never presigns a used key again', async () => {
    const alice = built.candidates[0]!;
    const key = 'replay-after-the-window';
    const grant = await alice.client.requestUpload(built.sessionId, alice.registrationId, 'practical-case-1-report', { idempotencyKey: key });
    expect(grant.status).toBe(201);
    expect(await postToPresigned(grant.data!.upload, await pdfWithPages(6, 'case one'))).toBe(204);
    await env.runtime.s3EventsIdle();
    // The 24-hour idempotency record expires (DynamoDB's TTL deletes it): the same key reaches the use case again.
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: env.runtime.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
    const records = (await inspect.partition(idempotencyPartition(alice.userId))).filter((item) => String(item.SK).length > 0);
    for (const record of records) await db.send(new DeleteCommand({ TableName: env.runtime.resources.tableName, Key: { PK: record.PK, SK: record.SK } }));
    const replay = await alice.client.requestUpload(built.sessionId, alice.registrationId, 'practical-case-1-report', { idempotencyKey: key });
    expect(replay.status).toBe(409);
    expect(replay.error!.message).toBe(`upload ${grant.data!.upload.uploadId} already received a file; an upload URL takes one file (DELIV-7): ask for a new upload with a new Idempotency-Key`);
  });

  it('DELIV-7: the jury gets the first checked bytes, byte for byte; the jury set lists the version and its SHA-256', async () => {
    const alice = built.candidates[0]!;
    const status = await alice.client.deliverableStatus(built.sessionId, alice.registrationId);
    env.advanceTo(new Date(status.data!.intake.deadline.closesAt));
    await eventually(() => manager.getSession(built.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
    const report = await versionsOf(alice.registrationId);
    expect(report.juryCopy).toEqual({ versionId: report.versions[0]!.id, sha256: sha256(firstBytes) });
    const received = await jurorDownload(alice.registrationId);
    expect(Buffer.from(received.bytes).equals(Buffer.from(firstBytes))).toBe(true);
    expect(received.sha256).toBe(sha256(firstBytes));
  });

  it('DELIV-7: the same policy used again after the freeze is recorded refused and late; nothing reaches the jury', async () => {
    const alice = built.candidates[0]!;
    expect(await postToPresigned(reusedGrant, await pdfWithPages(26, 'after the freeze'))).toBe(204);
    await env.runtime.s3EventsIdle();
    const report = await versionsOf(alice.registrationId);
    expect(report.versions.at(-1)).toMatchObject({ version: 3, status: 'refused', late: true });
    expect(report.juryCopy?.sha256).toBe(sha256(firstBytes));
    const received = await jurorDownload(alice.registrationId);
    expect(Buffer.from(received.bytes).equals(Buffer.from(firstBytes))).toBe(true);
  });

  it('an S3 event for an object version the bucket does not hold records nothing', async () => {
    const alice = built.candidates[0]!;
    const before = (await versionsOf(alice.registrationId)).versions.length;
    const key = (await inspect.partition(`SESSION#${built.sessionId}`)).find((item) => item.entity === 'DeliverableVersion')!.key;
    const event = {
      Records: [{ eventName: 'ObjectCreated:Post', eventTime: new Date().toISOString(), s3: { bucket: { name: env.runtime.resources.deliverablesBucketName }, object: { key, versionId: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } } }],
    } as unknown as S3Event;
    await env.runtime.invoke(bucketEventFunction(BUCKET_EVENTS[0]!).name, event);
    expect((await versionsOf(alice.registrationId)).versions).toHaveLength(before);
    expect((await jurorDownload(alice.registrationId)).sha256).toBe(sha256(firstBytes));
  });
});
