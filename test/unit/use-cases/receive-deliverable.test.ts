import { describe, expect, it } from 'vitest';
import type { DeliverableFiles, PdfInspector, StoredObject } from '../../../shared/use-cases/deliverables/ports';
import { BucketNotVersioned, receiveDeliverable } from '../../../shared/use-cases/deliverables/receive-deliverable';
import { parseUploadKey, requestUpload, uploadKey } from '../../../shared/use-cases/deliverables/request-upload';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { registerCandidate } from '../../../shared/use-cases/candidates/register-candidate';
import type { Caller } from '../../../shared/use-cases/caller';
import { InMemoryDeliverables, inMemoryDeps } from '../support/in-memory-sessions';

const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'c-1' };
const candidateCaller: Caller = { id: 'cand-1', roles: ['candidates'] };

/** A bucket in memory: each key holds numbered object versions, as a versioned S3 bucket does. */
class VersionedFiles implements DeliverableFiles {
  readonly objects = new Map<string, StoredObject[]>();
  readonly reads: Array<{ key: string; s3VersionId?: string }> = [];
  versioned = true;

  put(key: string, bytes: Uint8Array, size = bytes.length): string {
    const versions = this.objects.get(key) ?? [];
    const s3VersionId = this.versioned ? `v${versions.length + 1}` : '';
    versions.push({ bytes, size, s3VersionId });
    this.objects.set(key, versions);
    return s3VersionId;
  }

  async presignUpload(key: string) {
    return { url: 'http://bucket', fields: { key } };
  }

  async presignDownload(key: string, s3VersionId: string) {
    return `http://bucket/${key}?versionId=${s3VersionId}`;
  }

  async read(key: string, s3VersionId: string | undefined): Promise<StoredObject | undefined> {
    this.reads.push({ key, ...(s3VersionId ? { s3VersionId } : {}) });
    const versions = this.objects.get(key) ?? [];
    return s3VersionId ? versions.find((v) => v.s3VersionId === s3VersionId) : versions.at(-1);
  }
}

async function setup(pages: number | undefined = 25, caller: Caller = candidateCaller) {
  const base = inMemoryDeps();
  const deliverables = new InMemoryDeliverables(base.sessions);
  const files = new VersionedFiles();
  const pdf: PdfInspector = { countPages: async () => pages };
  const deps = { ...base.deps, deliverables, files, pdf };
  const session = await createSession(deps, manager, { titleCode: 'RNCP34757', sessionDate: '2027-03-15', timeZone: 'Europe/Paris', startTime: '09:00', address: '1 place Bellecour, Lyon', remote: false });
  const registration = await registerCandidate(deps, manager, session.id, { attempt: 'first', candidate: { userId: 'cand-1', firstName: 'Alice', lastName: 'Martin', email: 'a@example.org' } });
  await base.sessions.commit({
    session: { ...(await base.sessions.get(session.id))!, status: 'intake', version: 3 },
    expectedVersion: 2,
    audit: { subject: { type: 'session', id: session.id }, at: 'x', eventId: 'open', actor: { id: 'workflow', roles: [] }, action: 'intake.opened', details: {} },
  });
  const intent = await requestUpload(deps, caller, session.id, registration.id, 'project-report', '33333333-3333-4333-8333-333333333333');
  return { deps, deliverables, files, key: intent.key, sessionId: session.id, registrationId: registration.id, base };
}

describe('receiveDeliverable', () => {
  it('DELIV-7: an upload key names its session, registration, type and upload, and reads back', () => {
    const key = uploadKey('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', 'project-report', '33333333-3333-4333-8333-333333333333');
    expect(parseUploadKey(key)).toEqual({
      sessionId: '11111111-1111-4111-8111-111111111111',
      registrationId: '22222222-2222-4222-8222-222222222222',
      deliverableType: 'project-report',
      uploadId: '33333333-3333-4333-8333-333333333333',
    });
    expect(parseUploadKey('uploads/../../etc/passwd')).toBeUndefined();
  });

  it('DELIV-7: the version recorded is exactly the bytes read: the S3 version id and their SHA-256', async () => {
    const { deps, files, key } = await setup();
    const s3VersionId = files.put(key, new TextEncoder().encode('%PDF-1.7 report'));
    const version = await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(version).toMatchObject({ status: 'accepted', s3VersionId: 'v1', sha256: '336276927fc27d28c262f08eae5511abe9336bfb08fdeca8c7845c8a69d2e5e7', uploadId: '33333333-3333-4333-8333-333333333333' });
    expect(files.reads).toEqual([{ key, s3VersionId: 'v1' }]);
  });

  it('DELIV-7: a second object on a key that already holds a version (a reused upload URL) is recorded refused, saying why', async () => {
    const { deps, deliverables, files, key } = await setup();
    const first = files.put(key, new TextEncoder().encode('first'));
    await receiveDeliverable(deps, { key, s3VersionId: first, receivedAt: new Date('2027-01-11T10:00:00Z') });
    const second = files.put(key, new TextEncoder().encode('second, never checked by the jury'));
    const refused = await receiveDeliverable(deps, { key, s3VersionId: second, receivedAt: new Date('2027-01-11T10:05:00Z') });
    expect(refused).toMatchObject({ status: 'refused', version: 2, s3VersionId: 'v2', uploadId: '33333333-3333-4333-8333-333333333333' });
    expect(refused!.id).not.toBe('33333333-3333-4333-8333-333333333333');
    expect(refused!.violations[0]!.message).toBe(
      'DELIV-7: this upload URL was already used for version 1 of the project report, received at 2027-01-11 11:00 (Europe/Paris, UTC+01:00); an upload URL takes one file, so this one is kept on record, refused, and never reaches the jury: ask for a new upload URL',
    );
    expect(refused!.violations[0]!.messageFr).toBe(
      'DELIV-7 : ce lien de dépôt a déjà servi pour la version 1 du livrable "Rapport du projet chef d\'œuvre", reçue le 11 janvier 2027 à 11:00 (Europe/Paris, UTC+01:00) ; un lien de dépôt ne reçoit qu\'un fichier : celui-ci est conservé, refusé, et ne parvient jamais au jury ; demandez un nouveau lien de dépôt',
    );
    expect(deliverables.versions().map((v) => [v.s3VersionId, v.status])).toEqual([
      ['v1', 'accepted'],
      ['v2', 'refused'],
    ]);
  });

  it('DELIV-2: a file over the size limit is refused without being parsed, and kept on record', async () => {
    const { deps, deliverables, files, key } = await setup();
    const s3VersionId = files.put(key, new Uint8Array(), 30 * 1024 * 1024);
    const version = await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(version).toMatchObject({ status: 'refused', sizeBytes: 30 * 1024 * 1024 });
    expect(version!.violations[0]!.message).toBe('DELIV-2: the project report is 30 MiB; files up to 20 MiB are accepted');
    expect(version!.violations[0]!.messageFr).toBe('DELIV-2 : le livrable "Rapport du projet chef d\'œuvre" pèse 30 Mio ; les fichiers sont acceptés jusqu\'à 20 Mio');
    expect(deliverables.versions()).toHaveLength(1);
  });

  it.each([
    ['2027-03-09T22:59:59Z', false],
    ['2027-03-09T23:00:00Z', true],
  ])('DELIV-5: an upload received at %s (intake closes 2027-03-10 00:00 Paris) is late: %s', async (receivedAt, late) => {
    const { deps, files, key } = await setup();
    const s3VersionId = files.put(key, new Uint8Array([1]));
    const version = await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date(receivedAt) });
    expect(version).toMatchObject({ status: 'accepted', late, pages: 25 });
  });

  it('DELIV-6: a manager of the centre sending the file for the candidate is recorded as such', async () => {
    const { deps, files, key } = await setup(25, manager);
    const s3VersionId = files.put(key, new Uint8Array([1]));
    const version = await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(version).toMatchObject({ status: 'accepted', uploadedBy: 'm-1', uploadedAs: 'session-manager' });
  });

  it('DELIV-6: an intent whose requester is not the candidate nor a manager of the centre is refused when the file arrives', async () => {
    const { deps, deliverables, files, key } = await setup(25, manager);
    const intent = deliverables.intents.get('33333333-3333-4333-8333-333333333333')!;
    deliverables.intents.set(intent.id, { ...intent, requesterCentreId: 'another-centre' });
    const s3VersionId = files.put(key, new Uint8Array([1]));
    const version = await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(version).toMatchObject({ status: 'refused', uploadedAs: 'other' });
    expect(version!.violations.map((v) => v.message)).toEqual(['DELIV-6: only the candidate, or their session manager on their behalf, can submit their deliverable; it was sent by m-1']);
  });

  it('a key without an upload URL behind it, or outside the layout, records nothing and reads nothing', async () => {
    const { deps, deliverables, files, key } = await setup();
    expect(await receiveDeliverable(deps, { key: key.replace(/[0-9a-f-]{36}\.pdf$/, '99999999-9999-4999-8999-999999999999.pdf'), receivedAt: new Date() })).toBeUndefined();
    expect(await receiveDeliverable(deps, { key: 'elsewhere/file.pdf', receivedAt: new Date() })).toBeUndefined();
    expect(deliverables.versions()).toHaveLength(0);
    expect(files.reads).toEqual([]);
  });

  it('a duplicate event for the same object version records one version', async () => {
    const { deps, deliverables, files, key } = await setup();
    const s3VersionId = files.put(key, new Uint8Array([1]));
    await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(await receiveDeliverable(deps, { key, s3VersionId, receivedAt: new Date('2027-01-11T10:00:00Z') })).toBeUndefined();
    expect(deliverables.versions()).toHaveLength(1);
    expect(files.reads).toHaveLength(1);
  });

  it('an event for an object version the bucket does not hold records nothing', async () => {
    const { deps, deliverables, files, key } = await setup();
    files.put(key, new Uint8Array([1]));
    expect(await receiveDeliverable(deps, { key, s3VersionId: 'v-made-up', receivedAt: new Date('2027-01-11T10:00:00Z') })).toBeUndefined();
    expect(deliverables.versions()).toHaveLength(0);
  });

  it('an unversioned bucket is a misconfiguration that fails loudly, so the event is retried and seen, never recorded by key', async () => {
    const { deps, deliverables, files, key } = await setup();
    files.versioned = false;
    files.put(key, new Uint8Array([1]));
    await expect(receiveDeliverable(deps, { key, receivedAt: new Date('2027-01-11T10:00:00Z') })).rejects.toThrow(BucketNotVersioned);
    expect(deliverables.versions()).toHaveLength(0);
  });
});
