import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import type { DeliverableFiles, PdfInspector } from '../../../shared/use-cases/deliverables/ports';
import { receiveDeliverable } from '../../../shared/use-cases/deliverables/receive-deliverable';
import { parseUploadKey, uploadKey } from '../../../shared/use-cases/deliverables/request-upload';
import type { DeliverableStore } from '../../../shared/use-cases/sessions/ports';
import type { DeliverableVersionRecord, UploadIntentRecord } from '../../../shared/use-cases/sessions/records';
import { createSession } from '../../../shared/use-cases/sessions/create-session';
import { registerCandidate } from '../../../shared/use-cases/candidates/register-candidate';
import { inMemoryDeps } from '../support/in-memory-sessions';

class InMemoryDeliverables implements DeliverableStore {
  readonly intents = new Map<string, UploadIntentRecord>();
  readonly versions: DeliverableVersionRecord[] = [];
  readonly audit: AuditEvent[] = [];
  async saveIntent(intent: UploadIntentRecord, audit: AuditEvent) {
    this.intents.set(intent.id, intent);
    this.audit.push(audit);
  }
  async getIntent(uploadId: string) {
    return this.intents.get(uploadId);
  }
  async hasVersion(_s: string, _r: string, _t: string, uploadId: string) {
    return this.versions.some((v) => v.id === uploadId);
  }
  async recordVersion(version: DeliverableVersionRecord, audit: AuditEvent) {
    this.versions.push(version);
    this.audit.push(audit);
  }
}

const manager = { id: 'm-1', roles: ['managers' as const], centreId: 'c-1' };

async function setup(file: { bytes: Uint8Array; size: number }, pages: number | undefined) {
  const base = inMemoryDeps();
  const deliverables = new InMemoryDeliverables();
  const reads: string[] = [];
  const files: DeliverableFiles = {
    presignUpload: async () => ({ url: 'x', fields: {} }),
    presignDownload: async () => 'x',
    read: async (key) => {
      reads.push(key);
      return file;
    },
  };
  const pdf: PdfInspector = { countPages: async () => pages };
  const deps = { ...base.deps, deliverables, files, pdf };
  const session = await createSession(deps, manager, { titleCode: 'RNCP34757', sessionDate: '2027-03-15', address: '1 place Bellecour, Lyon', remote: false });
  const registration = await registerCandidate(deps, manager, session.id, { attempt: 'first', candidate: { userId: 'cand-1', firstName: 'Alice', lastName: 'Martin', email: 'a@example.org' } });
  const uploadId = deps.newId();
  const key = uploadKey(session.id, registration.id, 'project-report', uploadId);
  await deliverables.saveIntent(
    { id: uploadId, sessionId: session.id, registrationId: registration.id, deliverableType: 'project-report', key, requestedBy: 'cand-1', requestedAt: '2027-01-10T09:00:00Z', urlExpiresAt: '2027-01-10T09:15:00Z', maxBytes: 1000 },
    { subject: { type: 'session', id: session.id }, at: 'x', eventId: 'e', actor: { id: 'cand-1', roles: [] }, action: 'x', details: {} },
  );
  return { deps, deliverables, reads, key };
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

  it('DELIV-2: a file over the size limit is refused without being parsed, and kept on record', async () => {
    const { deps, deliverables, key } = await setup({ bytes: new Uint8Array(), size: 5000 }, 25);
    const version = await receiveDeliverable(deps, { key, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(version).toMatchObject({ status: 'refused', sizeBytes: 5000 });
    expect(version!.violations[0]!.message).toBe('DELIV-2: the project report is 4.9 KiB; files up to 1000 bytes are accepted');
    expect(deliverables.versions).toHaveLength(1);
  });

  it('DELIV-5: an upload received after the deadline is accepted and flagged late', async () => {
    const { deps, key } = await setup({ bytes: new Uint8Array([1]), size: 1 }, 25);
    const version = await receiveDeliverable(deps, { key, receivedAt: new Date('2027-03-11T00:00:01Z') });
    expect(version).toMatchObject({ status: 'accepted', late: true, pages: 25 });
  });

  it('a key without an upload URL behind it, or outside the layout, records nothing and reads nothing', async () => {
    const { deps, deliverables, reads, key } = await setup({ bytes: new Uint8Array([1]), size: 1 }, 25);
    expect(await receiveDeliverable(deps, { key: key.replace(/[0-9a-f-]{36}\.pdf$/, '99999999-9999-4999-8999-999999999999.pdf'), receivedAt: new Date() })).toBeUndefined();
    expect(await receiveDeliverable(deps, { key: 'elsewhere/file.pdf', receivedAt: new Date() })).toBeUndefined();
    expect(deliverables.versions).toHaveLength(0);
    expect(reads).toEqual([]);
  });

  it('a duplicate event for the same upload records one version', async () => {
    const { deps, deliverables, key } = await setup({ bytes: new Uint8Array([1]), size: 1 }, 25);
    await receiveDeliverable(deps, { key, receivedAt: new Date('2027-01-11T10:00:00Z') });
    expect(await receiveDeliverable(deps, { key, receivedAt: new Date('2027-01-11T10:00:00Z') })).toBeUndefined();
    expect(deliverables.versions).toHaveLength(1);
  });
});
