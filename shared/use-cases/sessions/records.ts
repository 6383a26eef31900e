import type { Violation } from '../../domain/errors';
import type { HolderIdentity } from '../../domain/cpf';
import type { ExamRecord, GridRecord, IncidentRecord, PvRecord } from '../exam-day/records';
import type { AppealRecord, CertificateRecord, DecisionRecord } from '../records/records';
import { storedTextIn, type Language } from '../../domain/sentence';
import { DEFAULT_TIME_ZONE, type IsoDate, type SessionCalendar, type TimeZone } from '../../domain/dates';

/** Where a session stands in its life. */
export type SessionStatus =
  | 'planning'
  | 'intake'
  | 'jury-review'
  | 'ready-for-exam'
  | 'exam-day'
  | 'deliberated'
  | 'sealed'
  | 'results-released'
  | 'annulled'
  | 'failed';

/** The cohort whose calendar drives the distribution deadlines (DIST). */
export interface CohortRecord {
  name: string;
  startDate: IsoDate;
  /** The last day of the "prairie", the onboarding phase. */
  prairieEnd: IsoDate;
}

/** A certification session as stored: the aggregate root of its planning data. */
export interface SessionRecord {
  id: string;
  /** The referential's code, e.g. `RNCP34757`. */
  titleCode: string;
  /** The exam day, `YYYY-MM-DD`, a day of `timeZone`. */
  sessionDate: IsoDate;
  /** The IANA zone every day and time of the session is counted in (RULES.md, Calendar). */
  timeZone: TimeZone;
  /** When the exam day starts, `HH:MM` in `timeZone`. */
  startTime: string;
  centreId: string;
  /** The organising centre's address, printed on the PV (PV-2). */
  address: string;
  remote: boolean;
  cohort?: CohortRecord;
  status: SessionStatus;
  /** Why planning could not close, as last checked (rule IDs and sentences). */
  blockers?: Violation[];
  /** Set when the manager closed planning; planning data is then read-only. */
  planningClosed?: { at: string; by: string };
  /** Set when intake opened: the instant it closes, 00:00 of D−5 in `timeZone` (DELIV-4). */
  intake?: { closesAt: string };
  /** Set when the deliverables were frozen for the jury at the deadline (DELIV-7). */
  frozenAt?: string;
  /**
   * Why the workflow stopped, when it did: the error, its cause, and a sentence for people in
   * English (`reason`) and French (`reasonFr`, absent on failures recorded before French was added).
   */
  failure?: { error: string; cause: string; reason: string; reasonFr?: string };
  executionArn?: string;
  /**
   * Set when a human step was not done in time: the session is blocked, not failed, and says
   * why and what resolves it, in English (`reason`) and French (`reasonFr`, absent on steps found
   * overdue before French was added); cleared once the step is done.
   */
  overdue?: { step: string; since: string; reason: string; reasonFr?: string };
  /** The human step the workflow waits for (for a candidate's step, which candidate), and the token that completes it. */
  pendingStep?: { step: string; registrationId?: string; taskToken: string; since: string };
  /** The order the candidates sit in (EXAM-1), set by the manager until the day opens; registration order otherwise. */
  candidateOrder?: string[];
  /** The exam day: when it starts, when it opened and closed, the order fixed then, the candidate the jury hears now. */
  examDay?: { startsAt: string; openedAt?: string; order?: string[]; current?: string; closedAt?: string };
  /** Set when the PV was sealed (PV-6): the session's results are final and released next. */
  sealedAt?: string;
  /** Set when the results were released: diplomas and booklets issued, the appeal window open until `appealsCloseAt` (RETAKE-1, QUAL-1). */
  results?: { releasedAt: string; appealsCloseAt: string; appealWindowMonths: number };
  /** Set when the quality committee annulled the session: its results stand void, the reason stays (QUAL-2). */
  annulment?: { decisionId: string; reason: string; decidedAt: string };
  /** The execution's history, exported to the records bucket when the execution ended. */
  executionHistory?: { key: string; s3VersionId: string; sha256: string; executionStatus: string; exportedAt: string };
  /** Who runs the session, printed on the PV (PV-4): the manager who created it, by the name their account gives. */
  sessionManager?: { userId: string; name: string };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Incremented by every write to the session or its planning data; stale writers get a conflict. */
  version: number;
}

/** A candidate as the manager registers them. */
export interface CandidateIdentity {
  /** The candidate's user id (`sub`) in the identity provider: how they see their own registration. */
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Extra time granted for a disability (EXAM-2), with its justification. */
export interface AccommodationRecord {
  extraMinutes: number;
  justification: string;
  grantedBy: string;
  grantedAt: string;
}

/** A candidate registered to a session: first attempt, or a retake (RETAKE-2, RETAKE-4). */
export interface RegistrationRecord {
  id: string;
  sessionId: string;
  candidate: CandidateIdentity;
  attempt: 'first' | 'retake';
  /** For a retake: blocks validated earlier, the date of that session, and whether a new training was followed. */
  previouslyValidatedBlocks: string[];
  previousSessionDate?: IsoDate;
  newTraining: boolean;
  accommodation?: AccommodationRecord;
  /** When the earlier results come from the results ledger rather than the manager's word: the sittings read. */
  fromLedger?: { sittings: Array<{ sessionId: string; sessionDate: IsoDate; blocksValidated: string[] }> };
  /** The civil-status identity the CPF export needs to report a certification to the holder's account. */
  holder?: HolderIdentity;
  registeredAt: string;
  registeredBy: string;
}

/** A trainer of the session's cohort, who may not sit on its jury (JURY-3). */
export interface TrainerRecord {
  firstName: string;
  lastName: string;
  email: string;
}

/** A juror's habilitation from the certifier (JURY-2). */
export interface HabilitationRecord {
  id: string;
  issuedBy: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  revokedOn?: IsoDate;
}

/** A juror in the registry: a professional with habilitations (JURY-2). */
export interface JurorRecord {
  id: string;
  /** The juror's user id (`sub`), once they have an account: how they see the sessions they sit on. */
  userId?: string;
  firstName: string;
  lastName: string;
  email: string;
  profession: string;
  yearsOfExperience: number;
  habilitations: HabilitationRecord[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

/** A juror assigned to a session. */
export interface AssignmentRecord {
  sessionId: string;
  jurorId: string;
  /** The session's centre: its managers may read this juror's record. */
  centreId: string;
  /** Copied from the registry so that a juror's token finds their sessions. */
  userId?: string;
  assignedAt: string;
  assignedBy: string;
  /** The import that assigned the juror, when a CSV file did: a retry of that import knows the rows it wrote. */
  importId?: string;
}

/** A recorded distribution of a document (DIST-1..7). */
export interface DistributionRecordItem {
  id: string;
  sessionId: string;
  ruleId: 'DIST-1' | 'DIST-2' | 'DIST-3' | 'DIST-4' | 'DIST-5' | 'DIST-6' | 'DIST-7';
  distributedOn: IsoDate;
  /** Who received it, in the manager's words (names, a mailing list…). */
  recipients: string;
  recordedBy: string;
  recordedAt: string;
}

/** A presigned upload handed out for one deliverable; its key is unique, so no upload overwrites another. */
export interface UploadIntentRecord {
  id: string;
  sessionId: string;
  registrationId: string;
  deliverableType: string;
  key: string;
  requestedBy: string;
  /** In which capacity: the candidate themself, or a manager on their behalf (DELIV-6). */
  requestedAs: 'candidate' | 'manager';
  /** The requesting manager's centre, checked again when the file arrives (DELIV-6). */
  requesterCentreId?: string;
  requestedAt: string;
  /** When the presigned POST stops working (ISO; not the table's TTL attribute: intents are kept). */
  urlExpiresAt: string;
  maxBytes: number;
}

/** The session manager's ruling on a late deliverable (DELIV-5). */
export interface LateDecisionRecord {
  decision: 'admitted' | 'not-admitted';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/**
 * One object received for a deliverable: exactly the bytes that were checked (an S3 object
 * version and their SHA-256), kept forever, accepted or refused with the rule and why (DELIV-7).
 */
export interface DeliverableVersionRecord {
  /** The version's id: the upload's id for the first object on its key; another id for any later object on the same key. */
  id: string;
  /** The upload (intent) whose presigned POST brought it; its id is the last segment of `key`. */
  uploadId: string;
  sessionId: string;
  registrationId: string;
  deliverableType: string;
  key: string;
  /** The S3 object version the checks read: downloads are presigned for it, never for the key alone. */
  s3VersionId: string;
  /** SHA-256 (hex) of the bytes the checks read. */
  sha256: string;
  /** Who sent it, and in which capacity (DELIV-6). */
  uploadedBy: string;
  uploadedAs: 'candidate' | 'session-manager' | 'other';
  receivedAt: string;
  sizeBytes: number;
  /** Pages counted by parsing the PDF; 0 when it is not a readable PDF. */
  pages: number;
  version: number;
  status: 'accepted' | 'refused';
  violations: Violation[];
  late: boolean;
  lateDecision?: LateDecisionRecord;
}

/** One file of a jury set: the version, the S3 object version that holds its bytes, their SHA-256. */
export interface JuryCopy {
  versionId: string;
  s3VersionId: string;
  sha256: string;
}

/** The deliverables a candidate's jury works from, frozen at the deadline (DELIV-7). */
export interface JurySetRecord {
  registrationId: string;
  /** The exact file the jury gets, by deliverable type. */
  selected: Record<string, JuryCopy>;
  /** Owed deliverables the jury will not get (DELIV-4). */
  missing: Violation[];
  /** Late versions waiting for the manager's decision (DELIV-5). */
  lateVersionIds: string[];
  frozenAt: string;
}

/** One download URL handed to a juror for a file of the jury set (JURY-7). */
export interface JuryDownloadRecord {
  sessionId: string;
  jurorId: string;
  registrationId: string;
  deliverableType: string;
  versionId: string;
  sha256: string;
  at: string;
}

/** What a juror received of one file of the jury set: when first and last, how often (JURY-7). */
export interface JuryReceiptRecord {
  jurorId: string;
  registrationId: string;
  deliverableType: string;
  versionId: string;
  sha256: string;
  firstDownloadedAt: string;
  lastDownloadedAt: string;
  downloads: number;
}

/** A juror's declaration on one candidate, made on receiving their deliverables (JURY-4). */
export interface ConflictDeclarationRecord {
  jurorId: string;
  registrationId: string;
  /** Whether the juror knows the candidate; with a link, the juror does not evaluate them. */
  link: 'none' | 'personal' | 'professional';
  description?: string;
  declaredAt: string;
}

/** A session with all its planning data and its exam day, read in one Query. */
export interface SessionPlanning {
  session: SessionRecord;
  registrations: RegistrationRecord[];
  trainers: TrainerRecord[];
  assignments: AssignmentRecord[];
  distributions: DistributionRecordItem[];
  deliverables: DeliverableVersionRecord[];
  jurySets: JurySetRecord[];
  declarations: ConflictDeclarationRecord[];
  exams: ExamRecord[];
  grids: GridRecord[];
  incidents: IncidentRecord[];
  pv?: PvRecord;
  certificates: CertificateRecord[];
  appeals: AppealRecord[];
  decisions: DecisionRecord[];
}

/** The zone a session that names none is counted in: sessions created before zones existed. */
export function calendarOf(session: Pick<SessionRecord, 'sessionDate'> & { timeZone?: TimeZone }): SessionCalendar {
  return { date: session.sessionDate, timeZone: session.timeZone ?? DEFAULT_TIME_ZONE };
}

/**
 * A session as callers see it: the workflow's task token never leaves the service, nor do the
 * AWS internals (the execution's ARN, naming the account; the failure's raw cause, a Lambda's
 * error payload with its stack): the centre reads the execution's status from `GET /sessions/{id}`
 * and ops its history in the Step Functions console. Why the workflow stopped or a step is
 * overdue is said in one language.
 */
export type PublicSession = Omit<SessionRecord, 'pendingStep' | 'failure' | 'overdue' | 'executionArn'> & {
  pendingStep?: { step: string; registrationId?: string; since: string };
  failure?: { error: string; reason: string };
  overdue?: { step: string; since: string; reason: string };
};

/** A stored failure without its raw cause, which stays with ops. */
function withoutCause({ cause: _cause, ...said }: NonNullable<SessionRecord['failure']>): Omit<NonNullable<SessionRecord['failure']>, 'cause'> {
  return said;
}

/** Strips what callers must not see from a stored session, and says its reasons (failure, overdue step) in `language`. */
export function publicSession(session: SessionRecord, language: Language = 'en'): PublicSession {
  const { pendingStep, executionArn: _arn, failure, ...rest } = session;
  const said = {
    ...rest,
    ...(failure ? { failure: storedTextIn(withoutCause(failure), 'reason', language) } : {}),
    ...(rest.overdue ? { overdue: storedTextIn(rest.overdue, 'reason', language) } : {}),
  };
  if (!pendingStep) return said;
  const { taskToken: _token, ...visible } = pendingStep;
  return { ...said, pendingStep: visible };
}
