import type { z } from 'zod';
import { accommodationBody, registerCandidateBody, registrationPath, trainersBody } from '../schemas/candidate-schemas';
import { declarationsBody, deliverablePath, lateDecisionBody, versionPath } from '../schemas/deliverable-schemas';
import { distributionStatusQuery, recordDistributionBody } from '../schemas/distribution-schemas';
import { assignJurorBody, createJurorBody, habilitationBody, jurorPath, sessionJurorPath, updateJurorBody } from '../schemas/juror-schemas';
import { createSessionBody, ifMatchHeaders, listSessionsQuery, sessionPath, updateSessionBody } from '../schemas/session-schemas';
import { candidateOrderBody, checkInBody, gridBody, gridSignatureBody, identityCheckBody, incidentBody, oralBody } from '../schemas/exam-day-schemas';
import type { Bindings } from './bindings';
import type { Role } from './roles';

/** An HTTP method the API serves. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The schemas of a route's request parts; the handler validates exactly these, and OpenAPI documents them. */
export interface RequestSchemas {
  body?: z.ZodType;
  path?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
}

/**
 * One route of the HTTP API. Both the CDK API construct and the local HTTP server are built
 * from this table, so the two cannot drift; handlers take their schemas from it, and the
 * OpenAPI document is generated from it.
 */
export interface RouteDefinition {
  /** Stable identifier, PascalCase: the Lambda function's logical id derives from it. */
  id: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/sessions/{sessionId}`. */
  path: string;
  /** The module exporting `handler`, relative to the repository root. */
  handler: string;
  /** Who may call it; `public` routes carry no authorizer. */
  roles: readonly Role[] | 'public';
  bindings: Bindings;
  summary: string;
  request: RequestSchemas;
  /** The success status. */
  status: 200 | 201;
  /** Whether an `Idempotency-Key` header makes retries return the first result. */
  idempotent?: boolean;
  /**
   * A tighter limit than the stage's for this route (a public route that must not be enumerated):
   * steady requests per second and the burst allowed. API Gateway applies it on AWS; the local
   * server answers 429 with `Retry-After` past it.
   */
  throttle?: { ratePerSecond: number; burst: number };
}

/** Keeps a route's literal types, so that handlers infer their request types from it. */
function route<const R extends RouteDefinition>(definition: R): R {
  return definition;
}

/** The route key API Gateway puts in `event.routeKey`: `POST /sessions`. */
export function routeKey(definition: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${definition.method} ${definition.path}`;
}

const READ_SESSION = { table: 'read', sessionStateMachine: ['read'] } as const satisfies Bindings;
const WRITE_PLANNING = { table: 'readWrite', auditLog: 'append' } as const satisfies Bindings;

/** Every route of the Certiflow HTTP API, by id. */
export const ROUTE = {
  Health: route({
    id: 'Health',
    method: 'GET',
    path: '/health',
    handler: 'functions/api/health.handler.ts',
    roles: 'public',
    bindings: { table: 'probe', deliverablesBucket: 'probe', recordsBucket: 'probe', sessionStateMachine: ['describe'] },
    summary: "Each dependency's status; 503 when one is down",
    request: {},
    status: 200,
  }),
  OpenApi: route({
    id: 'OpenApi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'functions/api/openapi.handler.ts',
    roles: 'public',
    bindings: {},
    summary: 'This API described in OpenAPI 3.1',
    request: {},
    status: 200,
  }),
  CreateSession: route({
    id: 'CreateSession',
    method: 'POST',
    path: '/sessions',
    handler: 'functions/api/create-session.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['start'] },
    summary: "Creates a session in planning for the manager's centre and starts its lifecycle",
    request: { body: createSessionBody },
    status: 201,
    idempotent: true,
  }),
  ListSessions: route({
    id: 'ListSessions',
    method: 'GET',
    path: '/sessions',
    handler: 'functions/api/list-sessions.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { table: 'read' },
    summary: "Lists sessions by date: a manager's centre, a named centre for the quality committee, a juror's own",
    request: { query: listSessionsQuery },
    status: 200,
  }),
  GetSession: route({
    id: 'GetSession',
    method: 'GET',
    path: '/sessions/{sessionId}',
    handler: 'functions/api/get-session.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { ...READ_SESSION },
    summary: 'A session with its workflow status, what it waits for next and what blocks it',
    request: { path: sessionPath },
    status: 200,
  }),
  UpdateSession: route({
    id: 'UpdateSession',
    method: 'PATCH',
    path: '/sessions/{sessionId}',
    handler: 'functions/api/update-session.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Changes a session in planning; If-Match names the version last read',
    request: { path: sessionPath, body: updateSessionBody, headers: ifMatchHeaders },
    status: 200,
  }),
  ClosePlanning: route({
    id: 'ClosePlanning',
    method: 'POST',
    path: '/sessions/{sessionId}/close-planning',
    handler: 'functions/api/close-planning.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    summary: 'Closes planning: checks the jury and registrations (JURY-1..3, RETAKE-4) and moves the workflow on',
    request: { path: sessionPath },
    status: 200,
    idempotent: true,
  }),
  RegisterCandidate: route({
    id: 'RegisterCandidate',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates',
    handler: 'functions/api/register-candidate.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Registers a candidate: first attempt, or retake with the blocks validated before (RETAKE-2, RETAKE-4)',
    request: { path: sessionPath, body: registerCandidateBody },
    status: 201,
    idempotent: true,
  }),
  ListRegistrations: route({
    id: 'ListRegistrations',
    method: 'GET',
    path: '/sessions/{sessionId}/candidates',
    handler: 'functions/api/list-registrations.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { table: 'read' },
    summary: "The session's registrations",
    request: { path: sessionPath },
    status: 200,
  }),
  GetRegistration: route({
    id: 'GetRegistration',
    method: 'GET',
    path: '/sessions/{sessionId}/candidates/{registrationId}',
    handler: 'functions/api/get-registration.handler.ts',
    roles: ['managers', 'jurors', 'quality', 'candidates'],
    bindings: { table: 'read' },
    summary: 'One registration; a candidate sees only their own',
    request: { path: registrationPath },
    status: 200,
  }),
  SetAccommodation: route({
    id: 'SetAccommodation',
    method: 'PUT',
    path: '/sessions/{sessionId}/candidates/{registrationId}/accommodation',
    handler: 'functions/api/set-accommodation.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Grants extra time for a disability, with its justification (EXAM-2)',
    request: { path: registrationPath, body: accommodationBody },
    status: 200,
  }),
  SetTrainers: route({
    id: 'SetTrainers',
    method: 'PUT',
    path: '/sessions/{sessionId}/trainers',
    handler: 'functions/api/set-trainers.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: "Replaces the cohort's trainers, who may not sit on the jury (JURY-3)",
    request: { path: sessionPath, body: trainersBody },
    status: 200,
  }),
  AssignJuror: route({
    id: 'AssignJuror',
    method: 'POST',
    path: '/sessions/{sessionId}/jurors',
    handler: 'functions/api/assign-juror.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Assigns a registry juror; refused when not qualified (JURY-2) or a trainer of the cohort (JURY-3)',
    request: { path: sessionPath, body: assignJurorBody },
    status: 201,
    idempotent: true,
  }),
  WithdrawJuror: route({
    id: 'WithdrawJuror',
    method: 'DELETE',
    path: '/sessions/{sessionId}/jurors/{jurorId}',
    handler: 'functions/api/withdraw-juror.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    summary: 'Withdraws a juror (one who will not declare, once declarations are overdue); refused when it breaks JURY-1 or JURY-4',
    request: { path: sessionJurorPath },
    status: 200,
  }),
  RecordDistribution: route({
    id: 'RecordDistribution',
    method: 'POST',
    path: '/sessions/{sessionId}/distributions',
    handler: 'functions/api/record-distribution.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Records who received which document when (DIST-1..7)',
    request: { path: sessionPath, body: recordDistributionBody },
    status: 201,
    idempotent: true,
  }),
  DistributionStatus: route({
    id: 'DistributionStatus',
    method: 'GET',
    path: '/sessions/{sessionId}/distributions',
    handler: 'functions/api/distribution-status.handler.ts',
    roles: ['managers', 'quality'],
    bindings: { table: 'read' },
    summary: 'Each distribution: done, late, overdue or due soon (DIST-1..7)',
    request: { path: sessionPath, query: distributionStatusQuery },
    status: 200,
  }),
  CreateJuror: route({
    id: 'CreateJuror',
    method: 'POST',
    path: '/jurors',
    handler: 'functions/api/create-juror.handler.ts',
    roles: ['certifiers'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: 'The certifier adds a professional to the juror registry, with habilitations (JURY-2)',
    request: { body: createJurorBody },
    status: 201,
    idempotent: true,
  }),
  GetJuror: route({
    id: 'GetJuror',
    method: 'GET',
    path: '/jurors/{jurorId}',
    handler: 'functions/api/get-juror.handler.ts',
    roles: ['certifiers', 'managers', 'jurors'],
    bindings: { table: 'read' },
    summary: 'A juror of the registry: for the certifier, the juror themself, and the managers of centres they sit for',
    request: { path: jurorPath },
    status: 200,
  }),
  UpdateJuror: route({
    id: 'UpdateJuror',
    method: 'PATCH',
    path: '/jurors/{jurorId}',
    handler: 'functions/api/update-juror.handler.ts',
    roles: ['certifiers'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "The certifier changes a juror's professional data or binds their account (JURY-2); If-Match names the version last read",
    request: { path: jurorPath, body: updateJurorBody, headers: ifMatchHeaders },
    status: 200,
  }),
  AddHabilitation: route({
    id: 'AddHabilitation',
    method: 'POST',
    path: '/jurors/{jurorId}/habilitations',
    handler: 'functions/api/add-habilitation.handler.ts',
    roles: ['certifiers'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "The certifier records a juror's new habilitation (JURY-2)",
    request: { path: jurorPath, body: habilitationBody },
    status: 201,
    idempotent: true,
  }),
  RequestUpload: route({
    id: 'RequestUpload',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates/{registrationId}/deliverables/{deliverableType}/uploads',
    handler: 'functions/api/request-upload.handler.ts',
    roles: ['candidates', 'managers'],
    bindings: { table: 'readWrite', auditLog: 'append', deliverablesBucket: 'readWrite' },
    summary: 'A presigned POST for one owed deliverable: PDF only, 20 MiB at most, 15 minutes (DELIV-1, DELIV-3)',
    request: { path: deliverablePath },
    status: 201,
    idempotent: true,
  }),
  DeliverableStatus: route({
    id: 'DeliverableStatus',
    method: 'GET',
    path: '/sessions/{sessionId}/candidates/{registrationId}/deliverables',
    handler: 'functions/api/deliverable-status.handler.ts',
    roles: ['candidates', 'managers', 'quality'],
    bindings: { table: 'read' },
    summary: "A candidate's deliverables: owed, received, accepted or refused and why, late or not",
    request: { path: registrationPath },
    status: 200,
  }),
  IntakeSummary: route({
    id: 'IntakeSummary',
    method: 'GET',
    path: '/sessions/{sessionId}/intake',
    handler: 'functions/api/intake-summary.handler.ts',
    roles: ['managers', 'quality'],
    bindings: { table: 'read' },
    summary: "The session's intake at a glance: who is complete, missing, late",
    request: { path: sessionPath },
    status: 200,
  }),
  DecideLateDeliverable: route({
    id: 'DecideLateDeliverable',
    method: 'POST',
    path: '/sessions/{sessionId}/deliverables/{uploadId}/late-decision',
    handler: 'functions/api/decide-late-deliverable.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "The manager's decision on a late deliverable; admitted ones join the jury's set (DELIV-5)",
    request: { path: versionPath, body: lateDecisionBody },
    status: 200,
    idempotent: true,
  }),
  JuryDownload: route({
    id: 'JuryDownload',
    method: 'GET',
    path: '/sessions/{sessionId}/candidates/{registrationId}/deliverables/{deliverableType}/download',
    handler: 'functions/api/jury-download.handler.ts',
    roles: ['jurors'],
    bindings: { table: 'readWrite', auditLog: 'append', deliverablesBucket: 'read' },
    summary: "A short-lived URL of a deliverable of the jury's set, for a juror without conflict (DELIV-7, JURY-4)",
    request: { path: deliverablePath },
    status: 200,
  }),
  JuryReceipts: route({
    id: 'JuryReceipts',
    method: 'GET',
    path: '/sessions/{sessionId}/jury-receipts',
    handler: 'functions/api/jury-receipts.handler.ts',
    roles: ['managers', 'quality'],
    bindings: { table: 'read' },
    summary: 'What each juror received and when: the guide and the jury set, and every download (JURY-7)',
    request: { path: sessionPath },
    status: 200,
  }),
  DeclareLinks: route({
    id: 'DeclareLinks',
    method: 'POST',
    path: '/sessions/{sessionId}/declarations',
    handler: 'functions/api/declare-links.handler.ts',
    roles: ['jurors'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    summary: 'A juror declares any link with the candidates whose deliverables they received (JURY-4)',
    request: { path: sessionPath, body: declarationsBody },
    status: 200,
    idempotent: true,
  }),
  SetCandidateOrder: route({
    id: 'SetCandidateOrder',
    method: 'PUT',
    path: '/sessions/{sessionId}/schedule',
    handler: 'functions/api/set-candidate-order.handler.ts',
    roles: ['managers'],
    bindings: WRITE_PLANNING,
    summary: 'Sets the order the candidates sit in, until the exam day opens (EXAM-1)',
    request: { path: sessionPath, body: candidateOrderBody },
    status: 200,
  }),
  GetSchedule: route({
    id: 'GetSchedule',
    method: 'GET',
    path: '/sessions/{sessionId}/schedule',
    handler: 'functions/api/get-schedule.handler.ts',
    roles: ['managers', 'jurors', 'quality', 'candidates'],
    bindings: { table: 'read' },
    summary: "The day's schedule in the session's zone: each oral's segments and the deliberation after it; a candidate sees their own slot (EXAM-1)",
    request: { path: sessionPath },
    status: 200,
  }),
  ScheduleCalendar: route({
    id: 'ScheduleCalendar',
    method: 'GET',
    path: '/sessions/{sessionId}/schedule.ics',
    handler: 'functions/api/schedule-calendar.handler.ts',
    roles: ['managers', 'jurors', 'quality', 'candidates'],
    bindings: { table: 'read' },
    summary: 'The schedule as an iCalendar file, as the caller may read it (EXAM-1)',
    request: { path: sessionPath },
    status: 200,
  }),
  JuryDossier: route({
    id: 'JuryDossier',
    method: 'GET',
    path: '/sessions/{sessionId}/dossier',
    handler: 'functions/api/jury-dossier.handler.ts',
    roles: ['jurors'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "A juror's dossier for their candidates: guide, referential, pre-filled grids, jury set, draft PV; each delivery recorded (JURY-7, JURY-8)",
    request: { path: sessionPath },
    status: 200,
  }),
  GetPv: route({
    id: 'GetPv',
    method: 'GET',
    path: '/sessions/{sessionId}/pv',
    handler: 'functions/api/get-pv.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { table: 'read' },
    summary: 'The PV as it stands: part 1 and the names before the session, the results as each candidate is deliberated (PV-5)',
    request: { path: sessionPath },
    status: 200,
  }),
  CheckIn: route({
    id: 'CheckIn',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates/{registrationId}/check-in',
    handler: 'functions/api/check-in.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    summary: "Checks a candidate in: present, absent, or late with the manager's decision (EXAM-3, EXAM-4)",
    request: { path: registrationPath, body: checkInBody },
    status: 200,
    idempotent: true,
  }),
  CheckIdentity: route({
    id: 'CheckIdentity',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates/{registrationId}/identity-check',
    handler: 'functions/api/check-identity.handler.ts',
    roles: ['managers'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "Records the verification of a remote candidate's identity, before the oral (EXAM-5)",
    request: { path: registrationPath, body: identityCheckBody },
    status: 200,
    idempotent: true,
  }),
  RunOral: route({
    id: 'RunOral',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates/{registrationId}/oral',
    handler: 'functions/api/run-oral.handler.ts',
    roles: ['managers', 'jurors'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "The oral's clock, stamped by the server: start it, end the running segment; never shortened nor lengthened (EXAM-1, EXAM-2, EXAM-3)",
    request: { path: registrationPath, body: oralBody },
    status: 200,
    idempotent: true,
  }),
  ReportIncident: route({
    id: 'ReportIncident',
    method: 'POST',
    path: '/sessions/{sessionId}/incidents',
    handler: 'functions/api/report-incident.handler.ts',
    roles: ['managers', 'jurors'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "Reports a juror's absence, a breach or a late-found conflict, routed to the manager or the quality committee (JURY-5, JURY-6, EXAM-6)",
    request: { path: sessionPath, body: incidentBody },
    status: 201,
    idempotent: true,
  }),
  ListIncidents: route({
    id: 'ListIncidents',
    method: 'GET',
    path: '/sessions/{sessionId}/incidents',
    handler: 'functions/api/list-incidents.handler.ts',
    roles: ['managers', 'quality'],
    bindings: { table: 'read' },
    summary: "The session's incidents, with who reported what when and where each went",
    request: { path: sessionPath },
    status: 200,
  }),
  GetGrid: route({
    id: 'GetGrid',
    method: 'GET',
    path: '/sessions/{sessionId}/candidates/{registrationId}/grid',
    handler: 'functions/api/get-grid.handler.ts',
    roles: ['managers', 'jurors', 'quality'],
    bindings: { table: 'read' },
    summary: "A candidate's grid: the competencies in scope, the decisions, who signs and who has (DELIB-1..7)",
    request: { path: registrationPath },
    status: 200,
  }),
  FillGrid: route({
    id: 'FillGrid',
    method: 'PUT',
    path: '/sessions/{sessionId}/candidates/{registrationId}/grid',
    handler: 'functions/api/fill-grid.handler.ts',
    roles: ['jurors'],
    bindings: { table: 'readWrite', auditLog: 'append' },
    summary: "A juror fills the candidate's grid after the oral; each filling clears the signatures (DELIB-1, DELIB-5, DELIB-6, DELIB-7)",
    request: { path: registrationPath, body: gridBody },
    status: 200,
  }),
  SignGrid: route({
    id: 'SignGrid',
    method: 'POST',
    path: '/sessions/{sessionId}/candidates/{registrationId}/grid/signatures',
    handler: 'functions/api/sign-grid.handler.ts',
    roles: ['jurors'],
    bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
    summary: 'A juror signs the grid they read, by its hash; the last signature deliberates the candidate (DELIB-4, PV-3)',
    request: { path: registrationPath, body: gridSignatureBody },
    status: 200,
    idempotent: true,
  }),
  MyRegistrations: route({
    id: 'MyRegistrations',
    method: 'GET',
    path: '/me/registrations',
    handler: 'functions/api/my-registrations.handler.ts',
    roles: ['candidates'],
    bindings: { table: 'read' },
    summary: "The calling candidate's own registrations",
    request: {},
    status: 200,
  }),
};

/** Every route of the Certiflow HTTP API. */
export const ROUTES: readonly RouteDefinition[] = Object.values(ROUTE);
