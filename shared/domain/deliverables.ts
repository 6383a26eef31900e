import { addDays, describeInstant, startOfDay, type IsoDate, type SessionCalendar } from './dates';
import { RuleViolation, violation, type Violation } from './errors';
import { checkOf, type Check } from './check';
import type { DeliverableType } from './referential/schema';
import type { Registration, Scope } from './scope';
import type { Language } from './sentence';

/** Days before the session by which the jury must hold every deliverable (Q21). */
export const DELIVERABLE_LEAD_DAYS = 5;

/** A file a candidate sends for one deliverable of one registration. */
export interface DeliverableUpload {
  id: string;
  registrationId: string;
  /** The deliverable type's id in the referential, e.g. `project-report`. */
  deliverableType: string;
  /** Who sent the file, and in which capacity: the candidate, or their session manager on their behalf. */
  uploader: Uploader;
  receivedAt: Date;
  pages: number;
  /** A digest of the file's bytes (e.g. SHA-256 hex), to tell identical files apart. */
  contentHash: string;
}

/** Who sent a file: its sender's id and the capacity they sent it in (DELIV-6). */
export interface Uploader {
  id: string;
  as: 'candidate' | 'session-manager' | 'other';
}

/** A stored upload: never deleted (DELIV-7), accepted or refused with its reasons, maybe late. */
export interface DeliverableVersion extends DeliverableUpload {
  /** 1 for the first upload of this deliverable by this registration, then 2, 3… */
  version: number;
  status: 'accepted' | 'refused';
  /** Why it was refused (empty when accepted). */
  violations: Violation[];
  /** Received after the intake deadline (DELIV-5). */
  late: boolean;
}

/** The session manager's ruling on a late deliverable, once the jury solicited them (DELIV-5). */
export interface LateDeliverableDecision {
  versionId: string;
  decidedBy: string;
  decidedAt: Date;
  decision: 'admitted' | 'not-admitted';
  reason: string;
}

/** A deliverable upload was refused; the violations say why. */
export class DeliverableRefused extends RuleViolation {}

/** The day whose first instant closes intake: the session date − 5 days (DELIV-4). */
export function intakeClosingDay(sessionDate: IsoDate): IsoDate {
  return addDays(sessionDate, -DELIVERABLE_LEAD_DAYS); // DELIV-4
}

/**
 * The instant intake closes and the jury set is frozen and delivered: 00:00 of day D−5 in the
 * session's own time zone, so that the jury holds every deliverable 5 days before (DELIV-4, DELIV-7).
 */
export function intakeClosesAt(calendar: SessionCalendar): Date {
  return startOfDay(intakeClosingDay(calendar.date), calendar.timeZone); // DELIV-4
}

/** Whether an upload received at `receivedAt` is late: at or after intake closed (DELIV-5). */
export function isLate(calendar: SessionCalendar, receivedAt: Date): boolean {
  return receivedAt.getTime() >= intakeClosesAt(calendar).getTime(); // DELIV-5
}

/**
 * The closing instant for a sentence, with its zone: `2027-06-10 00:00 (Europe/Paris, UTC+02:00)`,
 * or in French `10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00)`.
 */
export function describeIntakeClose(calendar: SessionCalendar, language: Language = 'en'): string {
  return describeInstant(intakeClosesAt(calendar), calendar.timeZone, language);
}

/** DELIV-2: the page count lies within the deliverable's range; the message gives both. */
export function checkPageCount(type: DeliverableType, pages: number): Check {
  if (!Number.isInteger(pages) || pages < type.minPages || pages > type.maxPages) {
    return checkOf([
      violation('DELIV-2', {
        en: `the ${type.label} has ${pages} page${pages === 1 ? '' : 's'}; ${type.minPages} to ${type.maxPages} are required`,
        fr: `le livrable "${type.name}" compte ${pages} page${pages === 1 ? '' : 's'} ; il en faut de ${type.minPages} à ${type.maxPages}`,
      }), // DELIV-2
    ]);
  }
  return checkOf([]);
}

/** DELIV-3: a candidate may only submit a deliverable their scope requires. */
export function checkDeliverableOwed(scope: Scope, deliverableTypeId: string): Check {
  if (scope.deliverables.some((d) => d.id === deliverableTypeId)) return checkOf([]);
  const owed = scope.deliverables.map((d) => d.id).join(', ');
  return checkOf([
    violation('DELIV-3', {
      en: `"${deliverableTypeId}" is not a deliverable this candidate owes; only ${owed} may be submitted`,
      fr: `"${deliverableTypeId}" n'est pas un livrable attendu de ce candidat ; seuls peuvent être déposés : ${owed}`,
    }), // DELIV-3
  ]);
}

/**
 * DELIV-3: the jury cannot ask a candidate for an extra document. It may only ask again for a
 * deliverable the candidate owes.
 */
export function checkJuryDocumentRequest(scope: Scope, requested: string): Check {
  if (scope.deliverables.some((d) => d.id === requested)) return checkOf([]);
  return checkOf([
    violation('DELIV-3', {
      en: `the jury cannot request "${requested}": only the deliverables of the referential (${scope.deliverables.map((d) => d.id).join(', ')}) may be asked for`,
      fr: `le jury ne peut pas demander "${requested}" : seuls les livrables du référentiel (${scope.deliverables.map((d) => d.id).join(', ')}) peuvent être demandés`,
    }), // DELIV-3
  ]);
}

/**
 * DELIV-6: a deliverable is individual. The file must come from the registered candidate
 * themself (or their session manager, sending it on their behalf and recorded as such) and must
 * not be the very file another candidate submitted.
 */
export function checkIndividual(
  registration: Pick<Registration, 'id' | 'candidateId'>,
  upload: DeliverableUpload,
  otherRegistrationsVersions: readonly DeliverableUpload[],
): Check {
  const found: Violation[] = [];
  if (upload.registrationId !== registration.id) {
    found.push(
      violation('DELIV-6', {
        en: `upload ${upload.id} belongs to registration ${upload.registrationId}, not ${registration.id}; a deliverable belongs to exactly one candidate`,
        fr: `le dépôt ${upload.id} relève de l'inscription ${upload.registrationId}, et non de ${registration.id} ; un livrable appartient à un seul candidat`,
      }),
    ); // DELIV-6
  }
  const { uploader } = upload;
  const ownFile = uploader.as === 'candidate' && uploader.id === registration.candidateId;
  if (!ownFile && uploader.as !== 'session-manager') {
    found.push(
      violation('DELIV-6', {
        en: `only the candidate, or their session manager on their behalf, can submit their deliverable; it was sent by ${uploader.id}`,
        fr: `seul le candidat, ou son responsable de session pour son compte, peut déposer son livrable ; celui-ci a été envoyé par ${uploader.id}`,
      }),
    ); // DELIV-6
  }
  const copy = otherRegistrationsVersions.find((v) => v.registrationId !== upload.registrationId && v.contentHash === upload.contentHash);
  if (copy) {
    found.push(
      violation('DELIV-6', {
        en: `this file is identical to one submitted for registration ${copy.registrationId}; even for a shared project each candidate submits their own report`,
        fr: `ce fichier est identique à un fichier déposé pour l'inscription ${copy.registrationId} ; même pour un projet commun, chaque candidat dépose son propre rapport`,
      }),
    ); // DELIV-6
  }
  return checkOf(found);
}

/** Everything needed to receive one upload. */
export interface ReceiveUploadInput {
  scope: Scope;
  registration: Pick<Registration, 'id' | 'candidateId'>;
  calendar: SessionCalendar;
  upload: DeliverableUpload;
  /** Every version already stored in the session, all registrations (for numbering and DELIV-6). */
  existingVersions: readonly DeliverableVersion[];
}

/** The stored version and, if it is late, the notice for the jury and the session manager (DELIV-5). */
export interface ReceivedUpload {
  version: DeliverableVersion;
  lateNotice?: Violation;
}

/**
 * Receives one upload: checks it is owed (DELIV-3), individual (DELIV-6) and within its page
 * range (DELIV-2); numbers it after the earlier versions, which stay (DELIV-7); flags it late
 * after the deadline (DELIV-5). A refused upload is still returned, with its reasons, for the record.
 */
export function receiveUpload(input: ReceiveUploadInput): ReceivedUpload {
  const { scope, registration, calendar, upload, existingVersions } = input;
  const type = scope.deliverables.find((d) => d.id === upload.deliverableType);
  const reasons: Violation[] = [
    ...checkDeliverableOwed(scope, upload.deliverableType).violations,
    ...checkIndividual(registration, upload, existingVersions).violations,
    ...(type ? checkPageCount(type, upload.pages).violations : []),
  ];
  const previous = existingVersions.filter((v) => v.registrationId === upload.registrationId && v.deliverableType === upload.deliverableType);
  const late = isLate(calendar, upload.receivedAt);
  const version: DeliverableVersion = {
    ...upload,
    version: previous.reduce((max, v) => Math.max(max, v.version), 0) + 1, // DELIV-7
    status: reasons.length === 0 ? 'accepted' : 'refused',
    violations: reasons,
    late,
  };
  if (!late || version.status === 'refused') return { version };
  return {
    version,
    lateNotice: violation('DELIV-5', {
      en: `the ${type?.label ?? upload.deliverableType} arrived at ${describeInstant(upload.receivedAt, calendar.timeZone)}, after intake closed at ${describeIntakeClose(calendar)}; it is kept but not given to the jury unless the session manager admits it`,
      fr: `le livrable "${type?.name ?? upload.deliverableType}" est arrivé le ${describeInstant(upload.receivedAt, calendar.timeZone, 'fr')}, après la clôture des dépôts le ${describeIntakeClose(calendar, 'fr')} ; il est conservé, mais n'est transmis au jury que si le responsable de session l'admet`,
    }),
  };
}

/** Like {@link receiveUpload}, but throws {@link DeliverableRefused} when the upload is refused. */
export function acceptUpload(input: ReceiveUploadInput): ReceivedUpload {
  const received = receiveUpload(input);
  if (received.version.status === 'refused') throw new DeliverableRefused(received.version.violations);
  return received;
}

/** The set of deliverables the jury works from for one registration. */
export interface JurySet {
  /** The jury's version of each owed deliverable, by deliverable type id. */
  selected: Record<string, DeliverableVersion>;
  /** Owed deliverables with no version the jury can use (DELIV-4). */
  missing: Violation[];
  /** Accepted versions kept on record but not in the jury's set (late, or superseded). */
  notSelected: DeliverableVersion[];
}

/**
 * DELIV-7: the jury's version of each owed deliverable is the latest accepted version received
 * before intake closed, or a later one the session manager admitted (DELIV-5). Earlier and late
 * versions stay on record in `notSelected`. Only this registration's versions count (DELIV-6).
 */
export function selectJurySet(
  scope: Scope,
  registrationId: string,
  calendar: SessionCalendar,
  versions: readonly DeliverableVersion[],
  lateDecisions: readonly LateDeliverableDecision[] = [],
): JurySet {
  const admitted = new Set(lateDecisions.filter((d) => d.decision === 'admitted').map((d) => d.versionId));
  const selected: Record<string, DeliverableVersion> = {};
  const missing: Violation[] = [];
  const notSelected: DeliverableVersion[] = [];
  for (const type of scope.deliverables) {
    const accepted = versions
      .filter((v) => v.registrationId === registrationId && v.deliverableType === type.id && v.status === 'accepted') // DELIV-6
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.version - b.version);
    const usable = accepted.filter((v) => !isLate(calendar, v.receivedAt) || admitted.has(v.id)); // DELIV-7, DELIV-5
    const chosen = usable[usable.length - 1];
    if (chosen) selected[type.id] = chosen;
    else {
      missing.push(
        violation('DELIV-4', {
          en: `the ${type.label} was not received before intake closed at ${describeIntakeClose(calendar)}, 5 days before the session`,
          fr: `le livrable "${type.name}" n'a pas été reçu avant la clôture des dépôts le ${describeIntakeClose(calendar, 'fr')}, 5 jours avant la session`,
        }),
      ); // DELIV-4
    }
    notSelected.push(...accepted.filter((v) => v !== chosen));
  }
  return { selected, missing, notSelected };
}
