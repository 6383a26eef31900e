import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, CertiflowClient } from '../../client/certiflow-client';
import type { Role } from '../../shared/wiring/roles';
import { ROUTE, ROUTES, type RouteDefinition } from '../../shared/wiring/routes';
import { referentialFor, type HolderIdentity } from '../../shared/domain';
import type { FullRegistrationView, JurorRegistrationView } from '../../shared/use-cases/candidates/registration-views';
import type { ExamRecord } from '../../shared/use-cases/exam-day/records';
import type { TrainerRecord } from '../../shared/use-cases/sessions/records';
import { candidate, daysFromNow, jurorBody, newSession } from './support/fixtures';
import { Inspector } from './support/inspect';
import { pdfWithPages, postToPresigned } from './support/pdf';
import { stampPng } from './support/documents';
import { decisions, GOOD_PAGES } from './support/exam-day';
import { atWait, eventually, startTestRuntime, type TestRuntime } from './support/test-runtime';

/**
 * The access matrix: every route of ROUTES × every kind of caller, with the status each must
 * get, proof that a refused request wrote nothing (items, audit events, idempotency records,
 * executions) while an allowed write wrote something and an allowed read nothing, and proof
 * that no answer carries a personal datum its caller may not know (the fixture's candidate
 * e-mail and account, the justification of an accommodation, a juror's e-mail and account).
 * Adding a route to ROUTES without deciding its row here makes this file fail.
 */

/** The kinds of caller, all about one session of centre A and its one registration. */
const CALLERS = [
  'anonymous', // no token
  'managerOfCentre', // manager of centre A, the session's
  'managerOfOtherCentre', // manager of centre B
  'sittingJuror', // registry juror (userId = token sub) assigned to the session
  'otherJuror', // registry juror not assigned to it
  'ownCandidate', // the candidate the registration registers
  'otherCandidate', // a candidate not registered to it
  'quality', // the quality committee
  'certifier', // the certifier, who keeps the juror registry (JURY-2)
] as const;
type CallerKind = (typeof CALLERS)[number];

/** A listing route answers 200 but must not show the fixture's session / registration. */
const WITHOUT_IT = '200 without it';
type Expected = 200 | 201 | 401 | 403 | typeof WITHOUT_IT;
type RouteId = keyof typeof ROUTE;

// prettier-ignore
const MATRIX: Record<RouteId, Record<CallerKind, Expected>> = {
  Health:             { anonymous: 200, managerOfCentre: 200, managerOfOtherCentre: 200, sittingJuror: 200, otherJuror: 200,        ownCandidate: 200, otherCandidate: 200,        quality: 200, certifier: 200 },
  OpenApi:            { anonymous: 200, managerOfCentre: 200, managerOfOtherCentre: 200, sittingJuror: 200, otherJuror: 200,        ownCandidate: 200, otherCandidate: 200,        quality: 200, certifier: 200 },
  CreateSession:      { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 201, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ListSessions:       { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: WITHOUT_IT, ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  GetSession:         { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  UpdateSession:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ClosePlanning:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  RegisterCandidate:  { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ImportCandidates:   { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ListRegistrations:  { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  GetRegistration:    { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 200, certifier: 403 },
  SetAccommodation:   { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  SetTrainers:        { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  WithdrawJuror:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  AssignJuror:        { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ImportJurors:       { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  RecordDistribution: { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  DistributionStatus: { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  // The juror registry is the certifier's (JURY-2); its records are read by the certifier, the juror themself, and the managers of centres the juror sits for.
  CreateJuror:        { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 201 },
  GetJuror:           { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 200 },
  UpdateJuror:        { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 200 },
  AddHabilitation:    { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 201 },
  // Deliverables: the candidate themself and the centre's managers; the jury only after the freeze (issue 5).
  RequestUpload:      { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 201, otherCandidate: 403,        quality: 403, certifier: 403 },
  DeliverableStatus:  { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 200, certifier: 403 },
  IntakeSummary:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  DecideLateDeliverable: { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,     ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  JuryDownload:       { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  JuryReceipts:       { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  DeclareLinks:       { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  // The exam day (issue 9): the centre's managers run it, the session's jurors deliberate, each candidate reads their own slot.
  SetCandidateOrder:  { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  GetSchedule:        { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 200, certifier: 403 },
  ScheduleCalendar:   { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 200, certifier: 403 },
  JuryDossier:        { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  GetPv:              { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  CheckIn:            { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  CheckIdentity:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  RunOral:            { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ReportIncident:     { anonymous: 401, managerOfCentre: 201, managerOfOtherCentre: 403, sittingJuror: 201, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ListIncidents:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  GetGrid:            { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  FillGrid:           { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  SignGrid:           { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  // The records phase, on a session of centre A whose day is over: the draft is read by the manager and the jurors (the committee reads the sealed PV), signed, stamped and sealed in that order.
  GetPvPdf:           { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  SignPv:             { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 200, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  UploadStamp:        { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  ApplyStamp:         { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  SealPv:             { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  // A result, its documents and its appeals are the candidate's own: another candidate never reads them.
  GetResult:          { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 200, certifier: 403 },
  Verify:             { anonymous: 200, managerOfCentre: 200, managerOfOtherCentre: 200, sittingJuror: 200, otherJuror: 200,        ownCandidate: 200, otherCandidate: 200,        quality: 200, certifier: 200 },
  FileAppeal:         { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 201, otherCandidate: 403,        quality: 403, certifier: 403 },
  ListAppeals:        { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 200, otherCandidate: 403,        quality: 403, certifier: 403 },
  CommitteeCases:     { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  DecideCases:        { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 201, certifier: 403 },
  ListDecisions:      { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 200, certifier: 403 },
  ExportSessionArchive: { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,      ownCandidate: 403, otherCandidate: 403,        quality: 201, certifier: 403 },
  ExportPersonArchive:  { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,      ownCandidate: 403, otherCandidate: 403,        quality: 201, certifier: 403 },
  SetTitleSettings:   { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 200 },
  CpfExport:          { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 200 },
  SetHolderIdentity:  { anonymous: 401, managerOfCentre: 200, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 403, otherCandidate: 403,        quality: 403, certifier: 403 },
  MyRegistrations:    { anonymous: 401, managerOfCentre: 403, managerOfOtherCentre: 403, sittingJuror: 403, otherJuror: 403,        ownCandidate: 200, otherCandidate: WITHOUT_IT, quality: 403, certifier: 403 },
};

/** The role each caller's token carries (none for `anonymous`). */
const ROLE_OF: Record<CallerKind, Role | undefined> = {
  anonymous: undefined,
  managerOfCentre: 'managers',
  managerOfOtherCentre: 'managers',
  sittingJuror: 'jurors',
  otherJuror: 'jurors',
  ownCandidate: 'candidates',
  otherCandidate: 'candidates',
  quality: 'quality',
  certifier: 'certifiers',
};

/** What the fixture built once: one session of centre A with 2 jurors, 1 registration, cohort dates. */
interface Fixture {
  now: Date;
  centreA: string;
  centreB: string;
  sessionId: string;
  registrationId: string;
  jurorIds: [string, string];
  /** A registry juror no session uses, whose habilitations the registry cases add to. */
  spareJurorId: string;
  /** A session of centre A in intake, with the same jurors and candidate. */
  intake: { sessionId: string; registrationId: string };
  /** A session of centre A past its deadline (jury review), with a late version awaiting a decision. */
  review: { sessionId: string; registrationId: string; lateUploadId: string };
  /** A remote session of centre A on its exam day: the own candidate checked in and called, another expected. */
  exam: { sessionId: string; registrationId: string; expectedRegistrationId: string };
  /** A session of centre A whose day is over: the own candidate deliberated (all four blocks), another absent; the PV waits for its signatures. */
  records: { sessionId: string; registrationId: string; secondJuror: CertiflowClient; appealStatement: string; holder: HolderIdentity };
  clients: Record<CallerKind, CertiflowClient>;
  inspect: Inspector;
  /** Moves the local clock forward. */
  advanceTo(instant: Date): void;
  /** The trainer of the planning session's cohort (JURY-3): the managers and the quality committee read them with the session. */
  trainer: TrainerRecord;
  /** Personal data the fixture holds, each readable only by those who need it. */
  secrets: Array<{ what: string; value: string; readableBy: readonly CallerKind[] }>;
}

/** The parts of one request; the method and path come from the route itself. */
interface RequestSpec {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  ifMatch?: number;
}

interface RouteCase {
  /**
   * Builds a valid request for this caller, before the write snapshot is taken. `allowed` says
   * the caller is expected to succeed: a success that would disturb later cases gets a fresh target.
   */
  prepare(fx: Fixture, allowed: boolean): Promise<RequestSpec>;
  /** For listings: whether the answer shows the fixture's session or registration. */
  shows?(fx: Fixture, data: unknown): boolean;
  /** After a success, waits for the background work it started, so that later snapshots are stable. */
  settle?(fx: Fixture, data: unknown, client: CertiflowClient): Promise<void>;
  /** A read that records who accessed what: an allowed call adds audit events and receipts (JURY-7), nothing else. */
  auditsAccess?: boolean;
}

const NO_REQUEST_PARTS: RouteCase = { prepare: async () => ({}) };

/** Waits until a session's workflow waits for planning: the workflow is then idle. */
async function planningOpen(client: CertiflowClient, sessionId: string): Promise<void> {
  await eventually(() => client.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
}

function sessionBody(now: Date) {
  return {
    titleCode: 'RNCP34757',
    sessionDate: daysFromNow(now, 120),
    address: '3 quai Saint-Antoine, 69002 Lyon',
    cohort: { name: 'Promo IA 2027', startDate: daysFromNow(now, -300), prairieEnd: daysFromNow(now, -270) },
  };
}

async function freshJuror(fx: Fixture): Promise<string> {
  const created = await fx.clients.certifier.createJuror(jurorBody(fx.now));
  if (created.status !== 201) throw new Error(`juror not created: ${JSON.stringify(created.error)}`);
  return created.data!.juror.id;
}

/** A session of centre A ready to close: 2 valid jurors, 1 candidate, the workflow waiting for planning. */
async function sessionReadyToClose(fx: Fixture): Promise<string> {
  const manager = fx.clients.managerOfCentre;
  const sessionId = await newSession(manager, fx.now, 100);
  for (const jurorId of fx.jurorIds) expect((await manager.assignJuror(sessionId, jurorId)).status).toBe(201);
  expect((await manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate('Inès') })).status).toBe(201);
  await planningOpen(manager, sessionId);
  return sessionId;
}

const session = (fx: Fixture) => ({ sessionId: fx.sessionId });
const examCandidate = (fx: Fixture) => ({ sessionId: fx.exam.sessionId, registrationId: fx.exam.registrationId });
const COMPETENCIES = referentialFor('RNCP34757').competencies.map((c) => c.code);

/** Moves the clock to the end of the running segment of the exam candidate's oral. */
async function dueSegmentEnd(fx: Fixture): Promise<void> {
  const grid = await fx.clients.managerOfCentre.grid(fx.exam.sessionId, fx.exam.registrationId);
  expect(grid.data!.grid.stage).toBe('in-oral');
  const exam = (await inspectExam(fx)).oral!.segments.find((s) => s.endedAt === undefined)!;
  fx.advanceTo(new Date(exam.plannedEndAt));
}

/** The exam candidate's stored exam day. */
async function inspectExam(fx: Fixture) {
  const item = (await fx.inspect.partition(`SESSION#${fx.exam.sessionId}`)).find((i) => i.entity === 'Exam' && i.registrationId === fx.exam.registrationId)!;
  return item as unknown as ExamRecord;
}

/** Runs the rest of the exam candidate's oral, segment by segment, as the manager. */
async function finishOral(fx: Fixture): Promise<void> {
  while ((await inspectExam(fx)).stage === 'in-oral') {
    await dueSegmentEnd(fx);
    expect((await fx.clients.managerOfCentre.runOral(fx.exam.sessionId, fx.exam.registrationId, 'end-segment')).status).toBe(200);
  }
}
const registration = (fx: Fixture) => ({ sessionId: fx.sessionId, registrationId: fx.registrationId });

/** How to call each route validly. */
const CASES: Record<RouteId, RouteCase> = {
  Health: NO_REQUEST_PARTS,
  OpenApi: NO_REQUEST_PARTS,
  CreateSession: {
    prepare: async (fx) => ({ body: sessionBody(fx.now) }),
    settle: (_fx, data, client) => planningOpen(client, (data as { session: { id: string } }).session.id),
  },
  ListSessions: {
    prepare: async (fx) => ({ query: { centreId: fx.centreA } }),
    shows: (fx, data) => (data as { items: Array<{ id: string }> }).items.some((s) => s.id === fx.sessionId),
  },
  GetSession: { prepare: async (fx) => ({ params: session(fx) }) },
  UpdateSession: {
    // If-Match names the current version, so that only access can refuse it.
    prepare: async (fx) => {
      const current = await fx.clients.managerOfCentre.getSession(fx.sessionId);
      return { params: session(fx), body: { address: `${randomUUID().slice(0, 4)} rue Garibaldi, 69003 Lyon` }, ifMatch: current.data!.session.version };
    },
  },
  ClosePlanning: {
    // Closing planning for good would freeze the fixture's session: a success gets its own.
    prepare: async (fx, allowed) => ({ params: { sessionId: allowed ? await sessionReadyToClose(fx) : fx.sessionId } }),
    settle: async (fx, data) => {
      const { id } = (data as { session: { id: string } }).session;
      await eventually(() => fx.clients.managerOfCentre.getSession(id), atWait('WaitForIntakeDeadline'));
    },
  },
  RegisterCandidate: { prepare: async (fx) => ({ params: session(fx), body: { attempt: 'first', candidate: candidate('Zoé') } }) },
  // A committed import of one fresh candidate, so that an allowed call writes.
  ImportCandidates: {
    prepare: async (fx) => {
      const { userId, firstName, lastName, email } = candidate('Yanis');
      return { params: session(fx), body: { csv: `prénom;nom;email;identifiant\n${firstName};${lastName};${email};${userId}\n`, commit: true } };
    },
  },
  ListRegistrations: { prepare: async (fx) => ({ params: session(fx) }) },
  GetRegistration: { prepare: async (fx) => ({ params: registration(fx) }) },
  SetAccommodation: {
    // Grants again what the fixture granted, so that the health datum every other case looks for stays the one on file.
    prepare: async (fx) => ({ params: registration(fx), body: { extraMinutes: 20, justification: fx.secrets[0]!.value } }),
  },
  SetTrainers: {
    // Keeps the fixture's trainer, so that the e-mail every other case looks for stays on file.
    prepare: async (fx) => ({ params: session(fx), body: { trainers: [fx.trainer, { firstName: 'Paul', lastName: 'Formateur', email: 'paul.formateur@example.org' }] } }),
  },
  // A juror already assigned would be a no-op: each case assigns a fresh one.
  AssignJuror: { prepare: async (fx) => ({ params: session(fx), body: { jurorId: await freshJuror(fx) } }) },
  // A committed import of one fresh registry juror, named by e-mail (JURY-2).
  ImportJurors: {
    prepare: async (fx) => {
      const juror = await fx.clients.certifier.createJuror(jurorBody(fx.now));
      return { params: session(fx), body: { csv: `email\n${juror.data!.juror.email}\n`, commit: true } };
    },
  },
  RecordDistribution: {
    prepare: async (fx) => ({ params: session(fx), body: { ruleId: 'DIST-1', distributedOn: daysFromNow(fx.now, -1), recipients: 'the whole cohort' } }),
  },
  DistributionStatus: { prepare: async (fx) => ({ params: session(fx), query: { horizonDays: '14' } }) },
  CreateJuror: { prepare: async (fx) => ({ body: jurorBody(fx.now) }) },
  // The sitting juror's own record: they read it, as do the certifier and the managers of centre A.
  GetJuror: { prepare: async (fx) => ({ params: { jurorId: fx.jurorIds[0] } }) },
  UpdateJuror: {
    prepare: async (fx) => {
      const current = await fx.clients.certifier.getJuror(fx.spareJurorId);
      return { params: { jurorId: fx.spareJurorId }, body: { yearsOfExperience: current.data!.juror.yearsOfExperience + 1 }, ifMatch: current.data!.juror.version };
    },
  },
  // Each case assigns a fresh juror to the session in planning, then withdraws them.
  WithdrawJuror: {
    prepare: async (fx) => {
      const jurorId = await freshJuror(fx);
      expect((await fx.clients.managerOfCentre.assignJuror(fx.sessionId, jurorId)).status).toBe(201);
      return { params: { sessionId: fx.sessionId, jurorId } };
    },
  },
  JuryReceipts: { prepare: async (fx) => ({ params: { sessionId: fx.review.sessionId } }) },
  SetCandidateOrder: {
    prepare: async (fx) => ({ params: session(fx), body: { order: (await fx.clients.managerOfCentre.listRegistrations(fx.sessionId)).data!.registrations.map((r) => r.id).reverse() } }),
  },
  GetSchedule: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId } }) },
  ScheduleCalendar: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId } }) },
  JuryDossier: { auditsAccess: true, prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId } }) },
  GetPv: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId } }) },
  CheckIn: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId, registrationId: fx.exam.expectedRegistrationId }, body: { status: 'present' } }) },
  CheckIdentity: { prepare: async (fx) => ({ params: examCandidate(fx), body: { method: 'ID card shown on camera' } }) },
  // The manager starts the called candidate's oral; the sitting juror ends its first segment, once it is due.
  RunOral: {
    prepare: async (fx, allowed) => {
      const exam = (await fx.clients.managerOfCentre.grid(fx.exam.sessionId, fx.exam.registrationId)).data!.grid;
      if (!allowed || exam.stage === 'present') return { params: examCandidate(fx), body: { action: 'start' } };
      await dueSegmentEnd(fx);
      return { params: examCandidate(fx), body: { action: 'end-segment' } };
    },
  },
  ReportIncident: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId }, body: { kind: 'breach', state: 'avoidable', description: 'a phone rang in the room' } }) },
  ListIncidents: { prepare: async (fx) => ({ params: { sessionId: fx.exam.sessionId } }) },
  GetGrid: { prepare: async (fx) => ({ params: examCandidate(fx) }) },
  // Filling needs the oral over: the manager runs the rest of it first.
  FillGrid: {
    prepare: async (fx, allowed) => {
      if (allowed) await finishOral(fx);
      return { params: examCandidate(fx), body: { decisions: Object.fromEntries(COMPETENCIES.map((code) => [code, 'not_acquired'])), reasons: 'nothing shown', recommendations: 'sit again' } };
    },
  },
  SignGrid: {
    prepare: async (fx) => ({ params: examCandidate(fx), body: { hash: (await fx.clients.managerOfCentre.grid(fx.exam.sessionId, fx.exam.registrationId)).data!.grid.hash ?? '0'.repeat(64) } }),
  },
  AddHabilitation: {
    prepare: async (fx) => ({
      params: { jurorId: fx.spareJurorId },
      body: { issuedBy: 'Simplon', validFrom: daysFromNow(fx.now, 0), validUntil: daysFromNow(fx.now, 1095) },
    }),
  },
  RequestUpload: { prepare: async (fx) => ({ params: { ...fx.intake, deliverableType: 'project-report' } }) },
  DeliverableStatus: { prepare: async (fx) => ({ params: fx.intake }) },
  IntakeSummary: { prepare: async (fx) => ({ params: { sessionId: fx.intake.sessionId } }) },
  DecideLateDeliverable: {
    prepare: async (fx) => ({
      params: { sessionId: fx.review.sessionId, uploadId: fx.review.lateUploadId },
      body: { decision: 'admitted', reason: 'the jury asked for it when the review started' },
    }),
  },
  JuryDownload: {
    auditsAccess: true,
    prepare: async (fx) => ({ params: { sessionId: fx.review.sessionId, registrationId: fx.review.registrationId, deliverableType: 'project-report' } }),
  },
  DeclareLinks: {
    prepare: async (fx) => ({ params: { sessionId: fx.review.sessionId }, body: { declarations: [{ registrationId: fx.review.registrationId, link: 'none' }] } }),
  },
  GetPvPdf: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId } }) },
  SignPv: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId }, body: { sha256: (await fx.clients.managerOfCentre.pvPdf(fx.records.sessionId)).data!.sha256 } }) },
  // Each allowed upload is a new image, so that it writes.
  UploadStamp: { prepare: async (fx, allowed) => ({ params: { centreId: fx.centreA }, body: { contentType: 'image/png', imageBase64: stampPng(allowed ? 64 + Math.floor(Math.random() * 64) : 96).toString('base64') } }) },
  // The stamp goes on once every signature is given: the second juror signs first.
  ApplyStamp: {
    prepare: async (fx, allowed) => {
      if (allowed) expect((await fx.records.secondJuror.signPv(fx.records.sessionId, (await fx.clients.managerOfCentre.pvPdf(fx.records.sessionId)).data!.sha256)).status).toBe(200);
      return { params: { sessionId: fx.records.sessionId } };
    },
  },
  SealPv: {
    prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId } }),
    settle: async (fx) => {
      // The execution ends after the release, and its history is archived beside the records: the matrix goes on once nothing more is written.
      await eventually(() => fx.clients.managerOfCentre.getSession(fx.records.sessionId), (r) => r.data?.session.status === 'results-released' && r.data.session.executionHistory !== undefined, 20_000);
      const code = (await fx.clients.managerOfCentre.result(fx.records.sessionId, fx.records.registrationId)).data!.certificate!.verificationCode;
      fx.secrets.push({ what: "the verification code of the candidate's diploma", value: code, readableBy: ['managerOfCentre', 'quality', 'ownCandidate'] });
    },
  },
  GetResult: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId, registrationId: fx.records.registrationId } }) },
  Verify: { prepare: async (fx) => ({ params: { code: fx.secrets.find((x) => x.what.startsWith('the verification code'))!.value } }) },
  FileAppeal: {
    prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId, registrationId: fx.records.registrationId }, body: { ground: 'durations-not-respected', statement: fx.records.appealStatement } }),
  },
  ListAppeals: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId, registrationId: fx.records.registrationId } }) },
  CommitteeCases: { prepare: async () => ({}) },
  // Each allowed decision rules on a fresh appeal of the candidate, and rejects it.
  DecideCases: {
    prepare: async (fx, allowed) => {
      const appeals = (await fx.clients.ownCandidate.appeals(fx.records.sessionId, fx.records.registrationId)).data!.appeals;
      let caseId = appeals.find((a) => a.status === 'open')?.id ?? randomUUID();
      if (allowed) {
        const filed = await fx.clients.ownCandidate.fileAppeal(fx.records.sessionId, fx.records.registrationId, { ground: 'modalities-not-respected', statement: fx.records.appealStatement });
        caseId = filed.data!.appeal.id;
      }
      return { params: { sessionId: fx.records.sessionId }, body: { caseIds: [caseId], outcome: 'rejected', reason: 'les durées ont été respectées, chronométrage à l’appui' } };
    },
  },
  ListDecisions: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId } }) },
  ExportSessionArchive: { prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId } }) },
  ExportPersonArchive: { prepare: async (fx) => ({ params: { userId: fx.secrets.find((x) => x.what === "the candidate's account id")!.value } }) },
  SetTitleSettings: { prepare: async () => ({ params: { rncpCode: 'RNCP34757' }, body: { appealWindowMonths: 2, cpf: { idClient: 'AB12CD34', idContrat: `MCF${randomUUID().slice(0, 8)}` } } }) },
  CpfExport: { auditsAccess: true, prepare: async (fx) => ({ query: { titleCode: 'RNCP34757', from: daysFromNow(fx.now, -30), to: daysFromNow(fx.now, 1) } }) },
  // Each allowed call records a new usage name, so that it writes; the birthplace, a personal datum, stays.
  SetHolderIdentity: {
    prepare: async (fx) => ({ params: { sessionId: fx.records.sessionId, registrationId: fx.records.registrationId }, body: { ...fx.records.holder, usageName: `Usage-${randomUUID().slice(0, 6)}` } }),
  },
  MyRegistrations: {
    prepare: async () => ({}),
    shows: (fx, data) => (data as { registrations: Array<{ id: string }> }).registrations.some((r) => r.id === fx.registrationId),
  },
};

function statusOf(expected: Expected): number {
  return expected === WITHOUT_IT ? 200 : expected;
}

function pathOf(route: RouteDefinition, spec: RequestSpec): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = spec.params?.[name];
    if (value === undefined) throw new Error(`${route.id}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(spec.query ?? {});
  return query.size > 0 ? `${path}?${query}` : path;
}

/** A stable text form of an item, its keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Set) return canonical([...value].sort());
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('access matrix: every route × every caller, status and writes', () => {
  let env: TestRuntime;
  let inspect: Inspector;
  let fx: Fixture;

  /** What a request could have written: the counts, and every item's content by key. */
  async function writes() {
    const [snapshot, items] = await Promise.all([inspect.writeSnapshot(), inspect.allItems()]);
    return { snapshot, items: Object.fromEntries(items.map((item) => [`${String(item.PK)} | ${String(item.SK)}`, canonical(item)])) };
  }

  beforeAll(async () => {
    env = await startTestRuntime();
    inspect = new Inspector(env.runtime);
    const tag = randomUUID().slice(0, 8);
    const centreA = `centre-a-${tag}`;
    const centreB = `centre-b-${tag}`;
    const managerOfCentre = await env.clientAs('managers', { sub: `manager-a-${tag}`, centreId: centreA });
    const certifier = await env.clientAs('certifiers', { sub: `certifier-${tag}` });
    const start = env.runtime.clock.now();
    const [sitting, second, other, spare] = [jurorBody(start), jurorBody(start, { profession: 'data engineer' }), jurorBody(start), jurorBody(start)];
    const jurorIds: string[] = [];
    for (const body of [sitting, second, other, spare]) {
      const created = await certifier.createJuror(body);
      expect(created.status, JSON.stringify(created.error)).toBe(201);
      jurorIds.push(created.data!.juror.id);
    }
    const own = candidate('Alice');
    const ownClient = await env.clientAs('candidates', { sub: own.userId });

    /** A session of centre A with the 2 sitting jurors and the own candidate, `days` ahead, in the given phase. */
    async function sessionWith(days: number, now: Date, phase: 'planning' | 'intake') {
      const sessionId = await newSession(managerOfCentre, now, days);
      for (const jurorId of jurorIds.slice(0, 2)) expect((await managerOfCentre.assignJuror(sessionId, jurorId)).status).toBe(201);
      const registered = await managerOfCentre.registerCandidate(sessionId, { attempt: 'first', candidate: own });
      expect(registered.status, JSON.stringify(registered.error)).toBe(201);
      await planningOpen(managerOfCentre, sessionId);
      if (phase === 'intake') {
        expect((await managerOfCentre.closePlanning(sessionId)).status).toBe(200);
        await eventually(() => managerOfCentre.getSession(sessionId), atWait('WaitForIntakeDeadline'));
      }
      return { sessionId, registrationId: registered.data!.registration.id };
    }

    /** A session of centre A `daysAhead` days ahead, with both sitting jurors, the own candidate and another, in intake. */
    async function sessionInIntake(now: Date, daysAhead: number, remote: boolean) {
      const created = await managerOfCentre.createSession({ ...sessionBody(now), sessionDate: daysFromNow(now, daysAhead), ...(remote ? { remote } : {}) });
      const sessionId = created.data!.session.id;
      for (const jurorId of jurorIds.slice(0, 2)) expect((await managerOfCentre.assignJuror(sessionId, jurorId)).status).toBe(201);
      const registrationIds: string[] = [];
      for (const identity of [own, candidate('Yves')]) registrationIds.push((await managerOfCentre.registerCandidate(sessionId, { attempt: 'first', candidate: identity })).data!.registration.id);
      await planningOpen(managerOfCentre, sessionId);
      expect((await managerOfCentre.closePlanning(sessionId)).status).toBe(200);
      await eventually(() => managerOfCentre.getSession(sessionId), atWait('WaitForIntakeDeadline'));
      return { sessionId, registrationIds };
    }

    /** A remote session of centre A, 30 days ahead, in intake. */
    async function examSession(now: Date) {
      const { sessionId, registrationIds } = await sessionInIntake(now, 30, true);
      return { sessionId, registrationId: registrationIds[0]!, expectedRegistrationId: registrationIds[1]! };
    }

    /** A session of centre A the day before the exam session, in intake, the own candidate having sent every deliverable. */
    async function recordsSession(now: Date) {
      const { sessionId, registrationIds } = await sessionInIntake(now, 29, false);
      for (const type of Object.keys(GOOD_PAGES)) {
        const grant = await ownClient.requestUpload(sessionId, registrationIds[0]!, type);
        expect(await postToPresigned(grant.data!.upload, await pdfWithPages(GOOD_PAGES[type]!, `${sessionId} ${type}`))).toBe(204);
      }
      await env.runtime.s3EventsIdle();
      return { sessionId, registrationId: registrationIds[0]!, absentRegistrationId: registrationIds[1]! };
    }

    /** The records session's day: the jurors declare, the own candidate sits and is deliberated on all four blocks, the other is absent; the PV then waits for its signatures. */
    async function recordsDayOver(target: { sessionId: string; registrationId: string; absentRegistrationId: string }) {
      const jurors = [await env.clientAs('jurors', { sub: sitting.userId }), await env.clientAs('jurors', { sub: second.userId })];
      for (const juror of jurors) {
        const declarations = [target.registrationId, target.absentRegistrationId].map((registrationId) => ({ registrationId, link: 'none' as const }));
        expect((await juror.declareLinks(target.sessionId, { declarations })).status).toBe(200);
      }
      const ready = await eventually(() => managerOfCentre.getSession(target.sessionId), atWait('WaitForExamDay'));
      const startsAt = new Date(ready.data!.session.examDay!.startsAt);
      env.advanceTo(new Date(startsAt.getTime() - 3_600_000));
      expect((await managerOfCentre.checkIn(target.sessionId, target.registrationId, { status: 'present' })).status).toBe(200);
      expect((await managerOfCentre.checkIn(target.sessionId, target.absentRegistrationId, { status: 'absent' })).status).toBe(200);
      env.advanceTo(startsAt);
      await eventually(() => managerOfCentre.getSession(target.sessionId), (r) => r.data?.session.pendingStep?.registrationId === target.registrationId);
      const started = await managerOfCentre.runOral(target.sessionId, target.registrationId, 'start');
      for (const segment of started.data!.exam.oral!.segments) {
        env.advanceTo(new Date(segment.plannedEndAt));
        expect((await managerOfCentre.runOral(target.sessionId, target.registrationId, 'end-segment')).status).toBe(200);
      }
      const filled = await jurors[0]!.fillGrid(target.sessionId, target.registrationId, { decisions: decisions(COMPETENCIES, COMPETENCIES) });
      expect(filled.status, JSON.stringify(filled.error)).toBe(200);
      for (const juror of jurors) expect((await juror.signGrid(target.sessionId, target.registrationId, filled.data!.grid.hash!)).status).toBe(200);
      await eventually(() => managerOfCentre.getSession(target.sessionId), atWait('WaitForPvSeal'), 20_000);
      return jurors[1]!;
    }

    /** Both jurors declare no link; on the morning of the day the own candidate is checked in; the day opens and calls them. */
    async function examDayOpen(exam: { sessionId: string; registrationId: string; expectedRegistrationId: string }) {
      await eventually(() => managerOfCentre.getSession(exam.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
      for (const body of [sitting, second]) {
        const juror = await env.clientAs('jurors', { sub: body.userId });
        const declarations = [exam.registrationId, exam.expectedRegistrationId].map((registrationId) => ({ registrationId, link: 'none' as const }));
        expect((await juror.declareLinks(exam.sessionId, { declarations })).status).toBe(200);
      }
      const ready = await eventually(() => managerOfCentre.getSession(exam.sessionId), atWait('WaitForExamDay'));
      const startsAt = new Date(ready.data!.session.examDay!.startsAt);
      env.advanceTo(new Date(startsAt.getTime() - 3_600_000));
      expect((await managerOfCentre.checkIn(exam.sessionId, exam.registrationId, { status: 'present' })).status).toBe(200);
      env.advanceTo(startsAt);
      await eventually(() => managerOfCentre.getSession(exam.sessionId), (r) => r.data?.session.pendingStep?.registrationId === exam.registrationId);
    }

    async function upload(target: { sessionId: string; registrationId: string }, pages: number): Promise<string> {
      const grant = await ownClient.requestUpload(target.sessionId, target.registrationId, 'project-report');
      expect(grant.status, JSON.stringify(grant.error)).toBe(201);
      expect(await postToPresigned(grant.data!.upload, await pdfWithPages(pages, target.sessionId))).toBe(204);
      await env.runtime.s3EventsIdle();
      return grant.data!.upload.uploadId;
    }

    // The sessions where the own candidate sits for the first time are registered before any result of theirs is on record (RETAKE-2).
    const main = await sessionWith(120, start, 'planning');
    const intake = await sessionWith(150, start, 'intake');
    const reviewed = await sessionWith(30, start, 'intake');
    const exam = await examSession(start);
    const records = await recordsSession(start);
    await upload(reviewed, 24);
    env.runtime.clock.advance(26 * 86_400_000);
    await eventually(() => managerOfCentre.getSession(reviewed.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
    const lateUploadId = await upload(reviewed, 26);
    await eventually(() => managerOfCentre.getSession(records.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
    const secondJuror = await recordsDayOver(records);
    await examDayOpen(exam);

    const now = env.runtime.clock.now();
    const holder: HolderIdentity = { birthName: 'Martin', firstNames: ['Alice'], birthDate: '1997-03-08', sex: 'F', birthplace: { city: `Montbrison-${tag}`, inseeCode: '42147' } };
    expect((await managerOfCentre.setHolderIdentity(records.sessionId, records.registrationId, holder)).status).toBe(200);
    const appealStatement = `mon oral a été écourté de dix minutes (${tag})`;
    const justification = `tiers-temps, avis du médecin de la MDPH ${tag}`;
    expect((await managerOfCentre.setAccommodation(main.sessionId, main.registrationId, { extraMinutes: 20, justification })).status).toBe(200);
    const executionArn = (await managerOfCentre.getSession(main.sessionId)).data!.session.workflow!.executionArn;
    expect(executionArn).toMatch(/^arn:aws:states:.*:execution:/);
    const trainer: TrainerRecord = { firstName: 'Théo', lastName: 'Formateur', email: `theo.formateur-${tag}@example.org` };
    expect((await managerOfCentre.setTrainers(main.sessionId, { trainers: [trainer] })).status).toBe(200);

    fx = {
      now,
      centreA,
      centreB,
      sessionId: main.sessionId,
      registrationId: main.registrationId,
      jurorIds: [jurorIds[0]!, jurorIds[1]!],
      spareJurorId: jurorIds[3]!,
      intake,
      review: { ...reviewed, lateUploadId },
      exam,
      records: { sessionId: records.sessionId, registrationId: records.registrationId, secondJuror, appealStatement, holder },
      inspect,
      advanceTo: (instant) => env.advanceTo(instant),
      clients: {
        anonymous: env.anonymous,
        managerOfCentre,
        managerOfOtherCentre: await env.clientAs('managers', { sub: `manager-b-${tag}`, centreId: centreB }),
        sittingJuror: await env.clientAs('jurors', { sub: sitting.userId }),
        otherJuror: await env.clientAs('jurors', { sub: other.userId }),
        ownCandidate: ownClient,
        otherCandidate: await env.clientAs('candidates', { sub: candidate('Bruno').userId }),
        quality: await env.clientAs('quality', { sub: `quality-${tag}` }),
        certifier,
      },
      trainer,
      secrets: [
        { what: 'the justification of an accommodation (health data)', value: justification, readableBy: ['managerOfCentre', 'quality'] },
        { what: "the e-mail of a trainer of the cohort (JURY-3)", value: trainer.email, readableBy: ['managerOfCentre', 'quality'] },
        { what: "the candidate's e-mail", value: own.email, readableBy: ['managerOfCentre', 'quality', 'ownCandidate'] },
        { what: "the candidate's account id", value: own.userId, readableBy: ['managerOfCentre', 'quality', 'ownCandidate'] },
        { what: "the sitting juror's e-mail", value: sitting.email, readableBy: ['certifier', 'sittingJuror', 'managerOfCentre'] },
        { what: "the sitting juror's account id", value: sitting.userId, readableBy: ['certifier', 'sittingJuror'] },
        { what: "the candidate's place of birth (civil status for the CPF)", value: holder.birthplace.city, readableBy: ['managerOfCentre', 'quality', 'ownCandidate', 'certifier'] },
        { what: "the candidate's appeal", value: appealStatement, readableBy: ['ownCandidate', 'quality'] },
        { what: "the session's Step Functions execution (the account's internals)", value: executionArn, readableBy: ['managerOfCentre', 'quality'] },
      ],
    };
  });
  afterAll(async () => {
    await env?.stop();
  });

  describe('the matrix itself', () => {
    it('decides every route of ROUTES for every caller, and no route that does not exist', () => {
      const routeIds = ROUTES.map((route) => route.id).sort();
      expect(Object.keys(MATRIX).sort(), 'MATRIX rows vs ROUTES: decide the access of every new route').toEqual(routeIds);
      expect(Object.keys(CASES).sort(), 'CASES vs ROUTES: say how to call every new route').toEqual(routeIds);
      for (const [id, row] of Object.entries(MATRIX)) expect(Object.keys(row).sort(), id).toEqual([...CALLERS].sort());
    });

    it("agrees with the route table: public routes open to all, 401 without a token, 403 outside the route's roles, success = the route's status", () => {
      for (const route of ROUTES) {
        const row = MATRIX[route.id as RouteId];
        if (!row) continue; // reported by the test above
        for (const kind of CALLERS) {
          const expected = row[kind];
          const role = ROLE_OF[kind];
          const where = `${route.id} × ${kind}`;
          if (route.roles === 'public') expect(expected, where).toBe(route.status);
          else if (!role) expect(expected, where).toBe(401);
          else if (!route.roles.includes(role)) expect(expected, where).toBe(403);
          else if (expected !== 403) expect(statusOf(expected), where).toBe(route.status);
        }
      }
    });
  });

  for (const route of ROUTES) {
    describe(`${route.method} ${route.path} (${route.id})`, () => {
      for (const kind of CALLERS) {
        const expected = MATRIX[route.id as RouteId]?.[kind];
        it(`${kind} → ${expected ?? 'UNDECIDED'}`, async () => {
          expect(expected, `${route.id} is in ROUTES but not in MATRIX: decide who may call it`).toBeDefined();
          const routeCase = CASES[route.id as RouteId];
          expect(routeCase, `${route.id} is in ROUTES but not in CASES`).toBeDefined();
          const status = statusOf(expected!);
          const succeeds = status < 300;
          const client = fx.clients[kind];
          const spec = await routeCase.prepare(fx, succeeds);

          const before = await writes();
          const response: ApiResponse<unknown> = await client.request(route.method, pathOf(route, spec), spec.body, {
            ...(route.idempotent ? { idempotencyKey: randomUUID() } : {}),
            ...(spec.ifMatch !== undefined ? { ifMatch: spec.ifMatch } : {}),
          });
          const after = await writes();

          expect(response.status, `${route.id} × ${kind}: ${JSON.stringify(response.error)}`).toBe(status);
          if (status === 403) expect(response.error?.code).toBe('Forbidden');
          if (succeeds && route.method !== 'GET') {
            expect(after.items, 'an allowed write must write').not.toEqual(before.items);
            await routeCase.settle?.(fx, response.data, client);
          } else if (succeeds && routeCase.auditsAccess) {
            // An audited read adds its audit events and receipts (JURY-7), and changes nothing else.
            const receiptOrAudit = (key: string) => key.startsWith('AUDIT#') || key.startsWith('RECEIPTS#');
            const added = Object.keys(after.items).filter((key) => !(key in before.items));
            expect(added.filter((key) => key.startsWith('AUDIT#')).length).toBeGreaterThan(0);
            expect(added.every(receiptOrAudit)).toBe(true);
            const unchanged = (items: Record<string, string>) => Object.fromEntries(Object.entries(items).filter(([key]) => !receiptOrAudit(key)));
            expect(unchanged(after.items)).toEqual(unchanged(before.items));
          } else {
            // A refusal (or a read) writes nothing: no item, no idempotency record, no execution, no change.
            expect(after.snapshot).toEqual(before.snapshot);
            expect(after.items).toEqual(before.items);
          }
          if (succeeds && routeCase.shows) expect(routeCase.shows(fx, response.data), `${route.id} × ${kind} shows the fixture's resource`).toBe(expected === 200);
          // Fields, not only statuses: whatever the status, the answer carries nothing its caller may not know.
          const answer = JSON.stringify(response.data ?? response.error ?? {});
          for (const secret of fx.secrets.filter((x) => !x.readableBy.includes(kind))) {
            expect(answer.includes(secret.value), `${route.id} × ${kind} must not carry ${secret.what}`).toBe(false);
          }
          expect(answer, `${route.id} × ${kind}: task tokens never leave the service`).not.toContain('taskToken');
        });
      }
    });
  }

  describe('beyond the matrix', () => {
    it('a juror reads a candidate\'s name, scope and "extra time: +20 min", a candidate their own extra time; neither reads the justification', async () => {
      const asJuror = await fx.clients.sittingJuror.getRegistration(fx.sessionId, fx.registrationId);
      expect(asJuror.data!.registration).toEqual({
        id: fx.registrationId,
        sessionId: fx.sessionId,
        timeZone: 'Europe/Paris',
        candidate: { firstName: 'Alice', lastName: expect.stringMatching(/^Martin-/) },
        attempt: 'first',
        blocksInScope: ['A1', 'A2', 'A3', 'A4'],
        deliverablesOwed: ['project-report', 'practical-case-1-report', 'practical-case-2-report'],
        extraMinutes: 20,
      });
      const asCandidate = await fx.clients.ownCandidate.getRegistration(fx.sessionId, fx.registrationId);
      expect(asCandidate.data!.registration).toMatchObject({ extraMinutes: 20 });
      expect(Object.keys(asCandidate.data!.registration)).not.toContain('accommodation');
      const asManager = await fx.clients.managerOfCentre.getRegistration(fx.sessionId, fx.registrationId);
      expect(asManager.data!.registration).toMatchObject({ accommodation: { extraMinutes: 20, justification: fx.secrets[0]!.value } });
    });

    it('JURY-3: the managers and the quality committee read the cohort\'s trainers with the session, before replacing them; its jurors do not', async () => {
      for (const reader of [fx.clients.managerOfCentre, fx.clients.quality]) {
        expect((await reader.getSession(fx.sessionId)).data!.session.trainers).toContainEqual(fx.trainer);
      }
      const asJuror = (await fx.clients.sittingJuror.getSession(fx.sessionId)).data!.session;
      expect(asJuror).not.toHaveProperty('trainers');
      expect(JSON.stringify(asJuror)).not.toContain('Formateur');
    });

    it('PV-4, DELIB-4: a juror\'s view of the session says which of its jurors they are; the centre\'s does not', async () => {
      const asJuror = (await fx.clients.sittingJuror.getSession(fx.exam.sessionId)).data!.session;
      expect(asJuror.you).toEqual({ jurorId: fx.jurorIds[0] });
      expect(asJuror.jurors.map((j) => j.jurorId).sort()).toEqual([...fx.jurorIds].sort());
      for (const reader of [fx.clients.managerOfCentre, fx.clients.quality]) expect((await reader.getSession(fx.exam.sessionId)).data!.session).not.toHaveProperty('you');
    });

    it("EXAM-3, EXAM-5, JURY-4: on a reload the centre reads the remote candidate's exam record (check-in, identity check, stamped segments); the sitting juror reads its stage and their own declaration, nothing more", async () => {
      const stored = await inspectExam(fx);
      const asManager = (await fx.clients.managerOfCentre.listRegistrations(fx.exam.sessionId)).data!.registrations as FullRegistrationView[];
      const exam = asManager.find((r) => r.id === fx.exam.registrationId)!.exam!;
      expect(exam).toMatchObject({
        registrationId: fx.exam.registrationId,
        stage: stored.stage,
        checkIn: { at: expect.stringMatching(/\+0[12]:00$/), late: false },
        identityCheck: { method: 'ID card shown on camera', checkedAt: expect.stringMatching(/\+0[12]:00$/) },
      });
      expect(exam.oral!.segments.map((s) => [s.segmentId, s.startedAt !== undefined, s.endedAt !== undefined])).toEqual(stored.oral!.segments.map((s) => [s.segmentId, s.startedAt !== undefined, s.endedAt !== undefined]));
      expect(exam.oral!.segments.map((s) => s.startedAt && new Date(s.startedAt).toISOString())).toEqual(stored.oral!.segments.map((s) => s.startedAt));
      expect(asManager.find((r) => r.id === fx.exam.expectedRegistrationId)!.exam).toMatchObject({ stage: 'present' });
      const asQuality = (await fx.clients.quality.getRegistration(fx.exam.sessionId, fx.exam.registrationId)).data!.registration as FullRegistrationView;
      expect(asQuality.exam).toEqual(exam);

      const asJuror = (await fx.clients.sittingJuror.listRegistrations(fx.exam.sessionId)).data!.registrations as JurorRegistrationView[];
      const own = asJuror.find((r) => r.id === fx.exam.registrationId)!;
      expect(own.exam).toEqual({ stage: stored.stage });
      expect(own.myDeclaration).toEqual({ link: 'none', declaredAt: expect.stringMatching(/\+0[12]:00$/) });
      expect(asJuror.find((r) => r.id === fx.exam.expectedRegistrationId)!.exam).toEqual({ stage: 'present' });
      for (const hidden of ['checkIn', 'identityCheck', 'ID card shown on camera', 'segments']) expect(JSON.stringify(asJuror)).not.toContain(hidden);
      const single = (await fx.clients.sittingJuror.getRegistration(fx.exam.sessionId, fx.exam.registrationId)).data!.registration;
      expect(single).toEqual(own);
    });

    it("a manager of another centre with a stale If-Match gets 403, not a 409 that tells them the session's version", async () => {
      const before = await writes();
      const response = await fx.clients.managerOfOtherCentre.updateSession(fx.sessionId, { address: '1 place Bellecour, 69002 Lyon' }, { ifMatch: 1 });
      expect(response.status, JSON.stringify(response.error)).toBe(403);
      expect(response.error?.message).not.toMatch(/version/);
      const after = await writes();
      expect(after.snapshot).toEqual(before.snapshot);
      expect(after.items).toEqual(before.items);
    });
  });
});
