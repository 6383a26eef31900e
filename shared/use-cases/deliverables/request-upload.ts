import { checkDeliverableOwed, Conflict, describeInstant, RuleViolation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { calendarOf, type SessionPlanning, type UploadIntentRecord } from '../sessions/records';
import { assertCandidateOrManager, scopeOf } from './deliverable-access';
import type { PresignedUpload } from './ports';
import { loadPlanning, registrationOf } from '../sessions/planning-reads';

/** Largest deliverable accepted: 20 MiB. */
export const MAX_DELIVERABLE_BYTES = 20 * 1024 * 1024;

/** How long an upload URL stays valid: 15 minutes. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/** The deliverable is not owed by this candidate (DELIV-1, DELIV-3): no upload URL (HTTP 422). */
export class DeliverableNotOwed extends RuleViolation {}

/** Where an upload lands: one key per upload, so no upload ever overwrites another (DELIV-7). */
export function uploadKey(sessionId: string, registrationId: string, deliverableType: string, uploadId: string): string {
  return `uploads/${sessionId}/${registrationId}/${deliverableType}/${uploadId}.pdf`;
}

/** Reads an upload key back; undefined for a key Certiflow did not hand out. */
export function parseUploadKey(key: string): { sessionId: string; registrationId: string; deliverableType: string; uploadId: string } | undefined {
  const match = /^uploads\/([0-9a-f-]{36})\/([0-9a-f-]{36})\/([a-z0-9-]+)\/([0-9a-f-]{36})\.pdf$/.exec(key);
  return match ? { sessionId: match[1]!, registrationId: match[2]!, deliverableType: match[3]!, uploadId: match[4]! } : undefined;
}

/**
 * Hands the candidate (or their session manager, recorded as sending on their behalf) a
 * presigned POST for one deliverable they owe (DELIV-1, DELIV-3): PDF only, at most 20 MiB,
 * valid 15 minutes, to a key of its own. A retry with the same upload id (the same
 * Idempotency-Key, even after its window) gets the same URL while it is valid and unused, and
 * never a URL for a key that already received a file or whose URL expired (DELIV-7).
 */
export async function requestUpload(
  deps: Pick<Deps, 'sessions' | 'deliverables' | 'files' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  deliverableType: string,
  uploadId = deps.newId(),
): Promise<UploadIntentRecord & { upload: PresignedUpload }> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  const registration = registrationOf(planning, registrationId);
  assertCandidateOrManager(caller, planning, registration);
  if (planning.session.status === 'planning' || planning.session.status === 'failed') {
    throw new Conflict({
      en: `session ${sessionId} is not taking deliverables (it is in ${planning.session.status}); intake opens once planning is closed`,
      fr: `la session ${sessionId} ne reçoit pas de livrables (elle est à l'état ${planning.session.status}) ; les dépôts s'ouvrent une fois la planification close`,
    });
  }
  const owed = checkDeliverableOwed(scopeOf(planning, registration), deliverableType); // DELIV-1, DELIV-3
  if (!owed.ok) throw new DeliverableNotOwed(owed.violations);
  const at = deps.now();
  const existing = await deps.deliverables.getIntent(uploadId);
  if (existing) return { ...existing, upload: await presignAgain(deps, planning, existing, at) };
  const key = uploadKey(sessionId, registrationId, deliverableType, uploadId);
  const asCandidate = caller.roles.includes('candidates') && registration.candidate.userId === caller.id;
  const intent: UploadIntentRecord = {
    id: uploadId,
    sessionId,
    registrationId,
    deliverableType,
    key,
    requestedBy: caller.id,
    requestedAs: asCandidate ? 'candidate' : 'manager',
    ...(asCandidate ? {} : { requesterCentreId: caller.centreId }),
    requestedAt: at.toISOString(),
    urlExpiresAt: new Date(at.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    maxBytes: MAX_DELIVERABLE_BYTES,
  };
  await deps.deliverables.saveIntent(intent, {
    subject: { type: 'session', id: sessionId },
    at: intent.requestedAt,
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'deliverable.upload-requested',
    details: { uploadId, registrationId, deliverableType, requestedAs: intent.requestedAs },
  });
  const upload = await deps.files.presignUpload(key, MAX_DELIVERABLE_BYTES, UPLOAD_URL_SECONDS);
  return { ...intent, upload };
}

/** The same upload asked for again: its URL again, valid until the same instant, unless a file already came or it expired. */
async function presignAgain(deps: Pick<Deps, 'files'>, planning: SessionPlanning, intent: UploadIntentRecord, at: Date): Promise<PresignedUpload> {
  if (planning.deliverables.some((v) => v.uploadId === intent.id)) {
    throw new Conflict({
      en: `upload ${intent.id} already received a file; an upload URL takes one file (DELIV-7): ask for a new upload with a new Idempotency-Key`,
      fr: `le dépôt ${intent.id} a déjà reçu un fichier ; un lien de dépôt ne reçoit qu'un fichier (DELIV-7) : demandez un nouveau dépôt avec une nouvelle Idempotency-Key`,
    });
  }
  const secondsLeft = Math.floor((new Date(intent.urlExpiresAt).getTime() - at.getTime()) / 1000);
  if (secondsLeft <= 0) {
    const expiredAt = new Date(intent.urlExpiresAt);
    const { timeZone } = calendarOf(planning.session);
    throw new Conflict({
      en: `the upload URL of upload ${intent.id} expired at ${describeInstant(expiredAt, timeZone)}; ask for a new upload with a new Idempotency-Key`,
      fr: `le lien du dépôt ${intent.id} a expiré le ${describeInstant(expiredAt, timeZone, 'fr')} ; demandez un nouveau dépôt avec une nouvelle Idempotency-Key`,
    });
  }
  return deps.files.presignUpload(intent.key, intent.maxBytes, secondsLeft);
}
