import type { Violation } from '../../domain/errors';
import type { IsoDate } from '../../domain/dates';

/** Where a session stands in its life. */
export type SessionStatus = 'planning' | 'intake' | 'jury-review' | 'ready-for-exam' | 'failed';

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
  /** The exam day, `YYYY-MM-DD`. */
  sessionDate: IsoDate;
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
  /** Set when intake opened: the deadline (DELIV-4) and the instant intake closes. */
  intake?: { deadline: IsoDate; closesAt: string };
  /** Set when the deliverables were frozen for the jury at the deadline (DELIV-7). */
  frozenAt?: string;
  /** Why the workflow stopped, when it did: the error, its cause, and a sentence for people. */
  failure?: { error: string; cause: string; reason: string };
  executionArn?: string;
  /** The human step the workflow waits for, and the token that completes it. */
  pendingStep?: { step: string; taskToken: string; since: string };
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
  /** Copied from the registry so that a juror's token finds their sessions. */
  userId?: string;
  assignedAt: string;
  assignedBy: string;
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

/** One received upload of a deliverable: kept forever, accepted or refused with the rule and why (DELIV-7). */
export interface DeliverableVersionRecord {
  /** The upload's id, also the last segment of its S3 key. */
  id: string;
  sessionId: string;
  registrationId: string;
  deliverableType: string;
  key: string;
  uploadedBy: string;
  receivedAt: string;
  sizeBytes: number;
  /** Pages counted by parsing the PDF; 0 when it is not a readable PDF. */
  pages: number;
  contentHash: string;
  version: number;
  status: 'accepted' | 'refused';
  violations: Violation[];
  late: boolean;
  lateDecision?: LateDecisionRecord;
}

/** The deliverables a candidate's jury works from, frozen at the deadline (DELIV-7). */
export interface JurySetRecord {
  registrationId: string;
  /** The version id the jury gets, by deliverable type. */
  selected: Record<string, string>;
  /** Owed deliverables the jury will not get (DELIV-4). */
  missing: Violation[];
  /** Late versions waiting for the manager's decision (DELIV-5). */
  lateVersionIds: string[];
  frozenAt: string;
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

/** A session with all its planning data, read in one Query. */
export interface SessionPlanning {
  session: SessionRecord;
  registrations: RegistrationRecord[];
  trainers: TrainerRecord[];
  assignments: AssignmentRecord[];
  distributions: DistributionRecordItem[];
  deliverables: DeliverableVersionRecord[];
  jurySets: JurySetRecord[];
  declarations: ConflictDeclarationRecord[];
}

/** A session as callers see it: the workflow's task token never leaves the service. */
export type PublicSession = Omit<SessionRecord, 'pendingStep'> & { pendingStep?: { step: string; since: string } };

/** Strips what callers must not see from a stored session. */
export function publicSession(session: SessionRecord): PublicSession {
  const { pendingStep, ...rest } = session;
  return pendingStep ? { ...rest, pendingStep: { step: pendingStep.step, since: pendingStep.since } } : rest;
}
