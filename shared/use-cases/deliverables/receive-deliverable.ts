import { createHash } from 'node:crypto';
import { Conflict, receiveUpload, violation, type Violation } from '../../domain';
import { logger } from '../../observability/logger';
import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { StaleVersion } from '../sessions/ports';
import type { DeliverableVersionRecord } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import { scopeOf } from './deliverable-access';
import { computeJurySet, toDomainVersion } from './jury-sets';
import { parseUploadKey } from './request-upload';
import { registrationOf } from '../sessions/planning-reads';

/** An object S3 reports as created. */
export interface ReceivedObject {
  key: string;
  /** When S3 received it: what DELIV-4 and DELIV-5 compare with the deadline. */
  receivedAt: Date;
}

const MAX_ATTEMPTS = 4;

/** A size as people read it: 20 MiB, 740 KiB, 512 bytes. */
function readableSize(bytes: number): string {
  if (bytes >= 1048576) return `${Number((bytes / 1048576).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}


/**
 * Intake of one uploaded file. Everything is checked again server-side, whatever the upload
 * URL allowed: a parsed PDF (not its extension), its size, its page count (DELIV-2), the
 * deliverable still owed (DELIV-3), the file the candidate's own (DELIV-6), late or not
 * (DELIV-4, DELIV-5). Each upload becomes a numbered version, accepted or refused with the rule
 * and a sentence; refused files stay in the bucket, marked, and never reach the jury (DELIV-7).
 * A duplicate event for the same upload records nothing.
 */
export async function receiveDeliverable(
  deps: Pick<Deps, 'sessions' | 'deliverables' | 'files' | 'pdf' | 'now' | 'newId'>,
  object: ReceivedObject,
): Promise<DeliverableVersionRecord | undefined> {
  const parsed = parseUploadKey(object.key);
  if (!parsed) {
    logger.warn('object outside the upload layout ignored', { key: object.key });
    return undefined;
  }
  const intent = await deps.deliverables.getIntent(parsed.uploadId);
  if (!intent || intent.key !== object.key) {
    logger.warn('upload without an upload URL ignored', { key: object.key });
    return undefined;
  }
  if (await deps.deliverables.hasVersion(intent.sessionId, intent.registrationId, intent.deliverableType, intent.id)) {
    logger.info('duplicate S3 event ignored', { key: object.key });
    return undefined;
  }
  const file = await deps.files.read(object.key, intent.maxBytes);
  const pages = file.bytes.length > 0 ? await deps.pdf.countPages(file.bytes) : undefined;
  const contentHash = createHash('sha256').update(file.bytes).digest('hex');

  for (let attempt = 1; ; attempt++) {
    const planning = await deps.sessions.load(intent.sessionId);
    if (!planning) throw new Conflict(`session ${intent.sessionId} of upload ${intent.id} no longer exists`);
    const registration = registrationOf(planning, intent.registrationId);
    const scope = scopeOf(planning, registration);
    const label = scope.deliverables.find((d) => d.id === intent.deliverableType)?.label ?? intent.deliverableType;
    const received = receiveUpload({
      scope,
      registration: { id: registration.id, candidateId: registration.candidate.userId },
      sessionDate: planning.session.sessionDate,
      upload: {
        id: intent.id,
        registrationId: registration.id,
        deliverableType: intent.deliverableType,
        uploadedBy: registration.candidate.userId,
        receivedAt: object.receivedAt,
        pages: pages ?? 0,
        contentHash,
      },
      existingVersions: planning.deliverables.map((v) =>
        toDomainVersion(v, planning.registrations.find((r) => r.id === v.registrationId)?.candidate.userId ?? ''),
      ),
    });
    const fileProblems: Violation[] = [];
    if (file.size > intent.maxBytes) {
      fileProblems.push(violation('DELIV-2', `the ${label} is ${readableSize(file.size)}; files up to ${readableSize(intent.maxBytes)} are accepted`));
    } else if (pages === undefined) {
      fileProblems.push(violation('DELIV-2', `the ${label} is not a readable PDF document, so its pages cannot be counted; upload it as a PDF`));
    }
    const violations = pages === undefined ? [...fileProblems, ...received.version.violations.filter((v) => v.ruleId !== 'DELIV-2')] : [...fileProblems, ...received.version.violations];
    const version: DeliverableVersionRecord = {
      id: intent.id,
      sessionId: intent.sessionId,
      registrationId: registration.id,
      deliverableType: intent.deliverableType,
      key: object.key,
      uploadedBy: intent.requestedBy,
      receivedAt: object.receivedAt.toISOString(),
      sizeBytes: file.size,
      pages: pages ?? 0,
      contentHash,
      version: received.version.version,
      status: violations.length === 0 ? 'accepted' : 'refused',
      violations,
      late: received.version.late,
    };
    try {
      await deps.deliverables.recordVersion(version, {
        subject: { type: 'session', id: intent.sessionId },
        at: deps.now().toISOString(),
        eventId: deps.newId(),
        actor: WORKFLOW_ACTOR,
        action: 'deliverable.received',
        details: { uploadId: intent.id, registrationId: registration.id, deliverableType: intent.deliverableType, status: version.status, late: version.late, rules: violations.map((v) => v.ruleId) },
      });
    } catch (error) {
      if (error instanceof StaleVersion && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof Conflict && !(error instanceof StaleVersion)) return undefined;
      throw error;
    }
    // Read again after the write: a freeze that committed meanwhile did not see this version.
    if (version.status === 'accepted' && (await deps.sessions.get(intent.sessionId))?.frozenAt) {
      await refreshJurySet(deps, intent.sessionId, registration.id);
    }
    return version;
  }
}

/** Recomputes one registration's jury set after the freeze (a late arrival, a decision on one). */
export async function refreshJurySet(deps: Pick<Deps, 'sessions' | 'now' | 'newId'>, sessionId: string, registrationId: string): Promise<void> {
  await applySessionChange(deps, sessionId, WORKFLOW_ACTOR, (planning) => {
    const registration = registrationOf(planning, registrationId);
    const current = planning.jurySets.find((set) => set.registrationId === registrationId);
    const next = computeJurySet(planning, registration, current?.frozenAt ?? planning.session.frozenAt ?? deps.now().toISOString());
    if (current && JSON.stringify(current) === JSON.stringify(next)) return undefined;
    return { items: [{ kind: 'jurySet', record: next }], action: 'deliverables.jury-set-updated', details: { registrationId, selected: next.selected } };
  });
}
