import type { CandidateStage, CompetencyDecision, Outcome, PvResult, Violation } from '../../domain';
import type { PvSealRecord, PvSignatureRecord, PvStampRecord } from '../records/records';

/** A candidate's exam day as stored: check-in, identity (remote), the oral's clock (instants as UTC ISO strings). */
export interface ExamRecord {
  registrationId: string;
  stage: CandidateStage;
  checkIn?: { at: string; by: string; late: boolean; decision?: 'allowed' | 'refused' };
  absence?: Violation;
  identityCheck?: { checkedAt: string; checkedBy: string; method: string };
  oral?: {
    startedAt: string;
    plannedEndAt: string;
    extraMinutes: number;
    segments: Array<{ segmentId: string; name: string; plannedStartAt: string; plannedEndAt: string; startedAt?: string; endedAt?: string }>;
    endedAt?: string;
  };
}

/** A juror's signature on one revision of a grid (DELIB-4): the hash of exactly what they signed. */
export interface GridSignatureRecord {
  jurorId: string;
  signedAt: string;
  hash: string;
}

/** A candidate's evaluation grid as the jury fills and signs it (DELIB-1..7). */
export interface GridRecord {
  registrationId: string;
  decisions: Record<string, CompetencyDecision>;
  reasons?: string;
  recommendations?: string;
  /** SHA-256 of the decisions, reasons and recommendations: what a signature attests. */
  hash: string;
  /** 1 for the first filling, then 2, 3…: every filling clears the signatures. */
  revision: number;
  filledBy: string;
  filledAt: string;
  signatures: GridSignatureRecord[];
  /** Set once every juror who must sign has signed: the grid is complete and its result on the PV. */
  completedAt?: string;
  outcome?: Outcome;
}

/** Something that went wrong on the day, for the session manager or the quality committee (JURY-5, JURY-6, EXAM-6). */
export interface IncidentRecord {
  id: string;
  kind: 'juror-absence' | 'breach' | 'late-conflict';
  /** Who reported it: a juror by their registry id, the session manager by their account. */
  reportedBy: { role: 'juror'; jurorId: string } | { role: 'session-manager'; userId: string };
  reportedAt: string;
  /** What happened: the reporter's own words, or, for a late conflict, Certiflow's sentence in English. */
  description: string;
  /** The description in French when Certiflow wrote it (a late conflict); absent when a person wrote it. */
  descriptionFr?: string;
  /** EXAM-6: whether a breach can still be avoided. */
  state?: 'avoidable' | 'established';
  jurorId?: string;
  registrationId?: string;
  /** JURY-6: the juror's absence, from and to. */
  from?: string;
  to?: string;
  routedTo: 'session-manager' | 'quality-committee';
  notice: Violation;
  /** Set when the quality committee ruled on it (QUAL-2). */
  decisionId?: string;
}

/** A row of part 2 of the PV (PV-3). */
export interface PvRowRecord {
  registrationId: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  result?: PvResult;
  blocksValidated: string[];
  reasons?: string;
  recommendations?: string;
}

/** The PV of the session and its title as it stands before sealing (PV-1..5). */
export interface PvRecord {
  id: string;
  part1: {
    sessionId: string;
    sessionDate: string;
    certificationName: string;
    rncpCode: string;
    centreName: string;
    centreAddress: string;
    counts?: { registered: number; absent: number; admitted: number; partiallyAdmitted: number; notAdmitted: number };
  };
  part2: PvRowRecord[];
  part3: {
    jurors: Array<{ id: string; firstName: string; lastName: string; role: 'juror' }>;
    sessionManager: { id: string; firstName: string; lastName: string; role: 'session-manager' };
  };
  draftedAt: string;
  /** Each signature of part 3, with the SHA-256 of the draft the signer read (PV-4). */
  signatures?: PvSignatureRecord[];
  /** The organising centre's stamp, once applied (PV-4). */
  stamp?: PvStampRecord;
  /** The seal: begun, then its records written under Object Lock (PV-6, PV-7). */
  seal?: PvSealRecord;
}

/**
 * One sitting of a person in the results ledger: the session, its date, the blocks validated
 * there and every block held after it (RETAKE-3). A retake's scope and the one-year rule are
 * read from it (RETAKE-2, RETAKE-4).
 */
export interface SittingRecord {
  userId: string;
  sessionId: string;
  titleCode: string;
  sessionDate: string;
  timeZone: string;
  registrationId: string;
  result: Outcome['result'];
  blocksValidatedNow: string[];
  blocksHeld: string[];
  deliberatedAt: string;
}
