import { createHash } from 'node:crypto';
import { Conflict, describeInstant, receiveUpload, violation, type Sentence, type Uploader, type Violation } from '../../domain';
import { logger } from '../../observability/logger';
import { WORKFLOW_ACTOR } from '../caller';
import type { Deps } from '../deps';
import { uuidFrom } from '../ids';
import { calendarOf, type DeliverableVersionRecord, type SessionPlanning, type UploadIntentRecord } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import { registrationOf } from '../sessions/planning-reads';
import { scopeOf } from './deliverable-access';
import { computeJurySet, toDomainVersion } from './jury-sets';
import type { StoredObject } from './ports';
import { parseUploadKey } from './request-upload';

/** An object version S3 reports as created. */
export interface ReceivedObject {
  key: string;
  /** The S3 object version the event is about; the bucket is versioned. */
  s3VersionId?: string;
  /** When S3 received it: what DELIV-4 and DELIV-5 compare with the deadline. */
  receivedAt: Date;
}

/** The deliverables bucket answered without a version id: it must be versioned for a version to be bytes, not a key. */
export class BucketNotVersioned extends Error {
  constructor(key: string) {
    super(`the object ${key} has no S3 version id: the deliverables bucket must be versioned`);
    this.name = 'BucketNotVersioned';
  }
}

const MAX_ATTEMPTS = 4;

/** A size as people read it: 20 MiB, 740 KiB, 512 bytes; in French 1,5 Mio, 740 Kio, 512 octets. */
function readableSize(bytes: number): Sentence {
  const sized = (amount: number, en: string, fr: string): Sentence => ({ en: `${amount} ${en}`, fr: `${String(amount).replace('.', ',')} ${fr}` });
  if (bytes >= 1048576) return sized(Number((bytes / 1048576).toFixed(1)), 'MiB', 'Mio');
  if (bytes >= 1024) return sized(Number((bytes / 1024).toFixed(1)), 'KiB', 'Kio');
  return sized(bytes, 'bytes', 'octets');
}

/** How a refusal names a deliverable: its English label, and its official (French) name. */
interface DeliverableNames {
  label: string;
  name: string;
}

/**
 * Who sent the object, as the intent recorded it and as the session stands now (DELIV-6): the
 * candidate, a manager of the session's centre on their behalf, or anyone else.
 */
function uploaderOf(intent: UploadIntentRecord, planning: SessionPlanning): Uploader {
  if (intent.requestedAs === 'candidate') return { id: intent.requestedBy, as: 'candidate' };
  if (intent.requestedAs === 'manager' && intent.requesterCentreId === planning.session.centreId) return { id: intent.requestedBy, as: 'session-manager' };
  return { id: intent.requestedBy, as: 'other' };
}

/** Why an object on a key that already holds a recorded version is refused (DELIV-7). */
function reuseViolation(first: DeliverableVersionRecord, { label, name }: DeliverableNames, timeZone: string): Violation {
  const receivedAt = new Date(first.receivedAt);
  return violation('DELIV-7', {
    en: `this upload URL was already used for version ${first.version} of the ${label}, received at ${describeInstant(receivedAt, timeZone)}; an upload URL takes one file, so this one is kept on record, refused, and never reaches the jury: ask for a new upload URL`,
    fr: `ce lien de dépôt a déjà servi pour la version ${first.version} du livrable "${name}", reçue le ${describeInstant(receivedAt, timeZone, 'fr')} ; un lien de dépôt ne reçoit qu'un fichier : celui-ci est conservé, refusé, et ne parvient jamais au jury ; demandez un nouveau lien de dépôt`,
  });
}

/** Why the file itself is refused (DELIV-2): too large, or not a PDF whose pages can be counted. */
function fileViolation({ label, name }: DeliverableNames, size: number, maxBytes: number, pages: number | undefined): Violation | undefined {
  if (size > maxBytes) {
    const [actual, allowed] = [readableSize(size), readableSize(maxBytes)];
    return violation('DELIV-2', {
      en: `the ${label} is ${actual.en}; files up to ${allowed.en} are accepted`,
      fr: `le livrable "${name}" pèse ${actual.fr} ; les fichiers sont acceptés jusqu'à ${allowed.fr}`,
    });
  }
  if (pages === undefined) {
    return violation('DELIV-2', {
      en: `the ${label} is not a readable PDF document, so its pages cannot be counted; upload it as a PDF`,
      fr: `le livrable "${name}" n'est pas un document PDF lisible, ses pages ne peuvent donc pas être comptées ; déposez-le au format PDF`,
    });
  }
  return undefined;
}

/**
 * Intake of one uploaded object version. Everything is checked again server-side, whatever the
 * upload URL allowed: a parsed PDF (not its extension), its size, its page count (DELIV-2), the
 * deliverable still owed (DELIV-3), the file the candidate's own, sent by them or their session
 * manager (DELIV-6), late or not (DELIV-4, DELIV-5). The version recorded is exactly the bytes
 * read: their S3 version id and SHA-256. A second object on a key that already holds a version
 * (a reused upload URL) is refused, never given to the jury. A duplicate event for a version
 * already recorded records nothing; an event for a version S3 does not hold records nothing.
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
  let file: StoredObject | undefined;
  let sha256 = '';
  let pages: number | undefined;

  for (let attempt = 1; ; attempt++) {
    const planning = await deps.sessions.load(intent.sessionId);
    if (!planning) throw new Conflict({ en: `session ${intent.sessionId} of upload ${intent.id} no longer exists`, fr: `la session ${intent.sessionId} du dépôt ${intent.id} n'existe plus` });
    const onKey = planning.deliverables.filter((v) => v.uploadId === intent.id);
    if (object.s3VersionId && onKey.some((v) => v.s3VersionId === object.s3VersionId)) {
      logger.info('duplicate S3 event ignored', { key: object.key, s3VersionId: object.s3VersionId });
      return undefined;
    }
    if (!file) {
      file = await deps.files.read(object.key, object.s3VersionId, intent.maxBytes);
      if (!file) {
        logger.warn('S3 event for an object version the bucket does not hold ignored', { key: object.key, s3VersionId: object.s3VersionId });
        return undefined;
      }
      if (!file.s3VersionId) throw new BucketNotVersioned(object.key);
      if (onKey.some((v) => v.s3VersionId === file!.s3VersionId)) return undefined;
      sha256 = createHash('sha256').update(file.bytes).digest('hex');
      pages = file.bytes.length > 0 ? await deps.pdf.countPages(file.bytes) : undefined;
    }
    const registration = registrationOf(planning, intent.registrationId);
    const scope = scopeOf(planning, registration);
    const calendar = calendarOf(planning.session);
    const type = scope.deliverables.find((d) => d.id === intent.deliverableType);
    const names: DeliverableNames = { label: type?.label ?? intent.deliverableType, name: type?.name ?? intent.deliverableType };
    const uploader = uploaderOf(intent, planning);
    const firstOnKey = onKey.find((v) => v.id === intent.id);
    const versionId = firstOnKey ? uuidFrom(`${intent.id}|${file.s3VersionId}`) : intent.id;
    const received = receiveUpload({
      scope,
      registration: { id: registration.id, candidateId: registration.candidate.userId },
      calendar,
      upload: { id: versionId, registrationId: registration.id, deliverableType: intent.deliverableType, uploader, receivedAt: object.receivedAt, pages: pages ?? 0, contentHash: sha256 },
      existingVersions: planning.deliverables.map(toDomainVersion),
    });
    const fileProblems: Violation[] = [];
    if (firstOnKey) fileProblems.push(reuseViolation(firstOnKey, names, calendar.timeZone)); // DELIV-7
    const unfit = fileViolation(names, file.size, intent.maxBytes, pages); // DELIV-2
    if (unfit) fileProblems.push(unfit);
    const violations = [...fileProblems, ...received.version.violations.filter((v) => pages !== undefined || v.ruleId !== 'DELIV-2')];
    const version: DeliverableVersionRecord = {
      id: versionId,
      uploadId: intent.id,
      sessionId: intent.sessionId,
      registrationId: registration.id,
      deliverableType: intent.deliverableType,
      key: object.key,
      s3VersionId: file.s3VersionId,
      sha256,
      uploadedBy: uploader.id,
      uploadedAs: uploader.as,
      receivedAt: object.receivedAt.toISOString(),
      sizeBytes: file.size,
      pages: pages ?? 0,
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
        details: {
          versionId,
          uploadId: intent.id,
          registrationId: registration.id,
          deliverableType: intent.deliverableType,
          s3VersionId: file.s3VersionId,
          sha256,
          uploadedBy: uploader.id,
          uploadedAs: uploader.as,
          status: version.status,
          late: version.late,
          rules: violations.map((v) => v.ruleId),
        },
      });
    } catch (error) {
      // A concurrent writer numbered a version or took this version id first: decide again on what it wrote.
      if (error instanceof Conflict && attempt < MAX_ATTEMPTS) continue;
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
