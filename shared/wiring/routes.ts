import type * as z from 'zod';
import { accommodationBody, registerCandidateBody, registrationPath, trainersBody } from '../schemas/candidate-schemas';
import { declarationsBody, deliverablePath, lateDecisionBody, versionPath } from '../schemas/deliverable-schemas';
import { distributionStatusQuery, recordDistributionBody } from '../schemas/distribution-schemas';
import { assignJurorBody, createJurorBody, habilitationBody, jurorPath, sessionJurorPath, updateJurorBody } from '../schemas/juror-schemas';
import { createSessionBody, ifMatchHeaders, listSessionsQuery, sessionPath, updateSessionBody } from '../schemas/session-schemas';
import { candidateOrderBody, checkInBody, gridBody, gridSignatureBody, identityCheckBody, incidentBody, oralBody } from '../schemas/exam-day-schemas';
import { appealBody, centrePath, committeeDecisionBody, committeeQueueQuery, personPath, pvSignatureBody, stampBody, titlePath, titleSettingsBody, verificationPath } from '../schemas/records-schemas';
import { cpfExportQuery, holderIdentityBody } from '../schemas/cpf-schemas';
import { importBody } from '../schemas/import-schemas';
import type { Bindings, FunctionSizing } from './bindings';
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
  /** A larger function than the default, for routes that render documents (at most 29 s: API Gateway's limit). */
  sizing?: FunctionSizing;
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

/** `GET /health`: Each dependency's status; 503 when one is down. */
export const Health = /* @__PURE__ */ route({
  id: 'Health',
  method: 'GET',
  path: '/health',
  handler: 'functions/api/health.handler.ts',
  roles: 'public',
  bindings: { table: 'probe', deliverablesBucket: 'probe', recordsBucket: 'probe', sessionStateMachine: ['describe'] },
  summary: "Each dependency's status; 503 when one is down",
  request: {},
  status: 200,
});

/** `GET /openapi.json`: This API described in OpenAPI 3.1. */
export const OpenApi = /* @__PURE__ */ route({
  id: 'OpenApi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'functions/api/openapi.handler.ts',
  roles: 'public',
  bindings: {},
  summary: 'This API described in OpenAPI 3.1',
  request: {},
  status: 200,
});

/** `POST /sessions`: Creates a session in planning for the manager's centre and starts its lifecycle. */
export const CreateSession = /* @__PURE__ */ route({
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
});

/** `GET /sessions`: Lists sessions by date: a manager's centre, a named centre for the quality committee, a juror's own. */
export const ListSessions = /* @__PURE__ */ route({
  id: 'ListSessions',
  method: 'GET',
  path: '/sessions',
  handler: 'functions/api/list-sessions.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { table: 'read' },
  summary: "Lists sessions by date: a manager's centre, a named centre for the quality committee, a juror's own",
  request: { query: listSessionsQuery },
  status: 200,
});

/** `GET /sessions/{sessionId}`: A session with its workflow status, what it waits for next and what blocks it. */
export const GetSession = /* @__PURE__ */ route({
  id: 'GetSession',
  method: 'GET',
  path: '/sessions/{sessionId}',
  handler: 'functions/api/get-session.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { ...READ_SESSION },
  summary: 'A session with its workflow status, what it waits for next and what blocks it',
  request: { path: sessionPath },
  status: 200,
});

/** `PATCH /sessions/{sessionId}`: Changes a session in planning; If-Match names the version last read. */
export const UpdateSession = /* @__PURE__ */ route({
  id: 'UpdateSession',
  method: 'PATCH',
  path: '/sessions/{sessionId}',
  handler: 'functions/api/update-session.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: 'Changes a session in planning; If-Match names the version last read',
  request: { path: sessionPath, body: updateSessionBody, headers: ifMatchHeaders },
  status: 200,
});

/** `POST /sessions/{sessionId}/close-planning`: Closes planning: checks the jury and registrations (JURY-1..3, RETAKE-4) and moves the workflow on. */
export const ClosePlanning = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/candidates`: Registers a candidate: first attempt, or retake with the blocks validated before (RETAKE-2, RETAKE-4). */
export const RegisterCandidate = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/candidates/import`: Registers candidates from a CSV file (French or English headers, `;` or `,`): a preview reports each line; a commit writes every line or none (RETAKE-2, RETAKE-3, RETAKE-4). */
export const ImportCandidates = /* @__PURE__ */ route({
  id: 'ImportCandidates',
  method: 'POST',
  path: '/sessions/{sessionId}/candidates/import',
  handler: 'functions/api/import-candidates.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: 'Registers candidates from a CSV file (French or English headers, `;` or `,`): a preview reports each line; a commit writes every line or none (RETAKE-2, RETAKE-3, RETAKE-4)',
  request: { path: sessionPath, body: importBody },
  status: 200,
  idempotent: true,
});

/** `GET /sessions/{sessionId}/candidates`: The session's registrations. */
export const ListRegistrations = /* @__PURE__ */ route({
  id: 'ListRegistrations',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates',
  handler: 'functions/api/list-registrations.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { table: 'read' },
  summary: "The session's registrations",
  request: { path: sessionPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}`: One registration; a candidate sees only their own. */
export const GetRegistration = /* @__PURE__ */ route({
  id: 'GetRegistration',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}',
  handler: 'functions/api/get-registration.handler.ts',
  roles: ['managers', 'jurors', 'quality', 'candidates'],
  bindings: { table: 'read' },
  summary: 'One registration; a candidate sees only their own',
  request: { path: registrationPath },
  status: 200,
});

/** `PUT /sessions/{sessionId}/candidates/{registrationId}/accommodation`: Grants extra time for a disability, with its justification (EXAM-2). */
export const SetAccommodation = /* @__PURE__ */ route({
  id: 'SetAccommodation',
  method: 'PUT',
  path: '/sessions/{sessionId}/candidates/{registrationId}/accommodation',
  handler: 'functions/api/set-accommodation.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: 'Grants extra time for a disability, with its justification (EXAM-2)',
  request: { path: registrationPath, body: accommodationBody },
  status: 200,
});

/** `PUT /sessions/{sessionId}/trainers`: Replaces the cohort's trainers, who may not sit on the jury (JURY-3). */
export const SetTrainers = /* @__PURE__ */ route({
  id: 'SetTrainers',
  method: 'PUT',
  path: '/sessions/{sessionId}/trainers',
  handler: 'functions/api/set-trainers.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: "Replaces the cohort's trainers, who may not sit on the jury (JURY-3)",
  request: { path: sessionPath, body: trainersBody },
  status: 200,
});

/** `POST /sessions/{sessionId}/jurors`: Assigns a registry juror; refused when not qualified (JURY-2) or a trainer of the cohort (JURY-3). */
export const AssignJuror = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/jurors/import`: Assigns registry jurors from a CSV file of their e-mails: a preview reports each line; a commit writes every line or none (JURY-2, JURY-3). */
export const ImportJurors = /* @__PURE__ */ route({
  id: 'ImportJurors',
  method: 'POST',
  path: '/sessions/{sessionId}/jurors/import',
  handler: 'functions/api/import-jurors.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: 'Assigns registry jurors from a CSV file of their e-mails: a preview reports each line; a commit writes every line or none (JURY-2, JURY-3)',
  request: { path: sessionPath, body: importBody },
  status: 200,
  idempotent: true,
});

/** `DELETE /sessions/{sessionId}/jurors/{jurorId}`: Withdraws a juror (one who will not declare, once declarations are overdue); refused when it breaks JURY-1 or JURY-4. */
export const WithdrawJuror = /* @__PURE__ */ route({
  id: 'WithdrawJuror',
  method: 'DELETE',
  path: '/sessions/{sessionId}/jurors/{jurorId}',
  handler: 'functions/api/withdraw-juror.handler.ts',
  roles: ['managers'],
  bindings: { table: 'readWrite', auditLog: 'append', sessionStateMachine: ['taskResponse'] },
  summary: 'Withdraws a juror (one who will not declare, once declarations are overdue); refused when it breaks JURY-1 or JURY-4',
  request: { path: sessionJurorPath },
  status: 200,
});

/** `POST /sessions/{sessionId}/distributions`: Records who received which document when (DIST-1..7). */
export const RecordDistribution = /* @__PURE__ */ route({
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
});

/** `GET /sessions/{sessionId}/distributions`: Each distribution: done, late, overdue or due soon (DIST-1..7). */
export const DistributionStatus = /* @__PURE__ */ route({
  id: 'DistributionStatus',
  method: 'GET',
  path: '/sessions/{sessionId}/distributions',
  handler: 'functions/api/distribution-status.handler.ts',
  roles: ['managers', 'quality'],
  bindings: { table: 'read' },
  summary: 'Each distribution: done, late, overdue or due soon (DIST-1..7)',
  request: { path: sessionPath, query: distributionStatusQuery },
  status: 200,
});

/** `POST /jurors`: The certifier adds a professional to the juror registry, with habilitations (JURY-2). */
export const CreateJuror = /* @__PURE__ */ route({
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
});

/** `GET /jurors/{jurorId}`: A juror of the registry: for the certifier, the juror themself, and the managers of centres they sit for. */
export const GetJuror = /* @__PURE__ */ route({
  id: 'GetJuror',
  method: 'GET',
  path: '/jurors/{jurorId}',
  handler: 'functions/api/get-juror.handler.ts',
  roles: ['certifiers', 'managers', 'jurors'],
  bindings: { table: 'read' },
  summary: 'A juror of the registry: for the certifier, the juror themself, and the managers of centres they sit for',
  request: { path: jurorPath },
  status: 200,
});

/** `PATCH /jurors/{jurorId}`: The certifier changes a juror's professional data or binds their account (JURY-2); If-Match names the version last read. */
export const UpdateJuror = /* @__PURE__ */ route({
  id: 'UpdateJuror',
  method: 'PATCH',
  path: '/jurors/{jurorId}',
  handler: 'functions/api/update-juror.handler.ts',
  roles: ['certifiers'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "The certifier changes a juror's professional data or binds their account (JURY-2); If-Match names the version last read",
  request: { path: jurorPath, body: updateJurorBody, headers: ifMatchHeaders },
  status: 200,
});

/** `POST /jurors/{jurorId}/habilitations`: The certifier records a juror's new habilitation (JURY-2). */
export const AddHabilitation = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/deliverables/{deliverableType}/uploads`: A presigned POST for one owed deliverable: PDF only, 20 MiB at most, 15 minutes (DELIV-1, DELIV-3). */
export const RequestUpload = /* @__PURE__ */ route({
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
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}/deliverables`: A candidate's deliverables: owed, received, accepted or refused and why, late or not. */
export const DeliverableStatus = /* @__PURE__ */ route({
  id: 'DeliverableStatus',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}/deliverables',
  handler: 'functions/api/deliverable-status.handler.ts',
  roles: ['candidates', 'managers', 'quality'],
  bindings: { table: 'read' },
  summary: "A candidate's deliverables: owed, received, accepted or refused and why, late or not",
  request: { path: registrationPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/intake`: The session's intake at a glance: who is complete, missing, late. */
export const IntakeSummary = /* @__PURE__ */ route({
  id: 'IntakeSummary',
  method: 'GET',
  path: '/sessions/{sessionId}/intake',
  handler: 'functions/api/intake-summary.handler.ts',
  roles: ['managers', 'quality'],
  bindings: { table: 'read' },
  summary: "The session's intake at a glance: who is complete, missing, late",
  request: { path: sessionPath },
  status: 200,
});

/** `POST /sessions/{sessionId}/deliverables/{uploadId}/late-decision`: The manager's decision on a late deliverable; admitted ones join the jury's set (DELIV-5). */
export const DecideLateDeliverable = /* @__PURE__ */ route({
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
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}/deliverables/{deliverableType}/download`: A short-lived URL of a deliverable of the jury's set, for a juror without conflict (DELIV-7, JURY-4). */
export const JuryDownload = /* @__PURE__ */ route({
  id: 'JuryDownload',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}/deliverables/{deliverableType}/download',
  handler: 'functions/api/jury-download.handler.ts',
  roles: ['jurors'],
  bindings: { table: 'readWrite', auditLog: 'append', deliverablesBucket: 'read' },
  summary: "A short-lived URL of a deliverable of the jury's set, for a juror without conflict (DELIV-7, JURY-4)",
  request: { path: deliverablePath },
  status: 200,
});

/** `GET /sessions/{sessionId}/jury-receipts`: What each juror received and when: the guide and the jury set, and every download (JURY-7). */
export const JuryReceipts = /* @__PURE__ */ route({
  id: 'JuryReceipts',
  method: 'GET',
  path: '/sessions/{sessionId}/jury-receipts',
  handler: 'functions/api/jury-receipts.handler.ts',
  roles: ['managers', 'quality'],
  bindings: { table: 'read' },
  summary: 'What each juror received and when: the guide and the jury set, and every download (JURY-7)',
  request: { path: sessionPath },
  status: 200,
});

/** `POST /sessions/{sessionId}/declarations`: A juror declares any link with the candidates whose deliverables they received (JURY-4). */
export const DeclareLinks = /* @__PURE__ */ route({
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
});

/** `PUT /sessions/{sessionId}/schedule`: Sets the order the candidates sit in, until the exam day opens (EXAM-1). */
export const SetCandidateOrder = /* @__PURE__ */ route({
  id: 'SetCandidateOrder',
  method: 'PUT',
  path: '/sessions/{sessionId}/schedule',
  handler: 'functions/api/set-candidate-order.handler.ts',
  roles: ['managers'],
  bindings: WRITE_PLANNING,
  summary: 'Sets the order the candidates sit in, until the exam day opens (EXAM-1)',
  request: { path: sessionPath, body: candidateOrderBody },
  status: 200,
});

/** `GET /sessions/{sessionId}/schedule`: The day's schedule in the session's zone: each oral's segments and the deliberation after it; a candidate sees their own slot (EXAM-1). */
export const GetSchedule = /* @__PURE__ */ route({
  id: 'GetSchedule',
  method: 'GET',
  path: '/sessions/{sessionId}/schedule',
  handler: 'functions/api/get-schedule.handler.ts',
  roles: ['managers', 'jurors', 'quality', 'candidates'],
  bindings: { table: 'read' },
  summary: "The day's schedule in the session's zone: each oral's segments and the deliberation after it; a candidate sees their own slot (EXAM-1)",
  request: { path: sessionPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/schedule.ics`: The schedule as an iCalendar file, as the caller may read it (EXAM-1). */
export const ScheduleCalendar = /* @__PURE__ */ route({
  id: 'ScheduleCalendar',
  method: 'GET',
  path: '/sessions/{sessionId}/schedule.ics',
  handler: 'functions/api/schedule-calendar.handler.ts',
  roles: ['managers', 'jurors', 'quality', 'candidates'],
  bindings: { table: 'read' },
  summary: 'The schedule as an iCalendar file, as the caller may read it (EXAM-1)',
  request: { path: sessionPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/dossier`: A juror's dossier for their candidates: guide, referential, pre-filled grids, jury set, draft PV; each delivery recorded (JURY-7, JURY-8). */
export const JuryDossier = /* @__PURE__ */ route({
  id: 'JuryDossier',
  method: 'GET',
  path: '/sessions/{sessionId}/dossier',
  handler: 'functions/api/jury-dossier.handler.ts',
  roles: ['jurors'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "A juror's dossier for their candidates: guide, referential, pre-filled grids, jury set, draft PV; each delivery recorded (JURY-7, JURY-8)",
  request: { path: sessionPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/pv`: The PV as it stands: part 1 and the names before the session, the results as each candidate is deliberated (PV-5). */
export const GetPv = /* @__PURE__ */ route({
  id: 'GetPv',
  method: 'GET',
  path: '/sessions/{sessionId}/pv',
  handler: 'functions/api/get-pv.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { table: 'read' },
  summary: 'The PV as it stands: part 1 and the names before the session, the results as each candidate is deliberated (PV-5)',
  request: { path: sessionPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 200,
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/check-in`: Checks a candidate in: present, absent, or late with the manager's decision (EXAM-3, EXAM-4). */
export const CheckIn = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/identity-check`: Records the verification of a remote candidate's identity, before the oral (EXAM-5). */
export const CheckIdentity = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/oral`: The oral's clock, stamped by the server: start it, end the running segment; never shortened nor lengthened (EXAM-1, EXAM-2, EXAM-3). */
export const RunOral = /* @__PURE__ */ route({
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
});

/** `POST /sessions/{sessionId}/incidents`: Reports a juror's absence, a breach or a late-found conflict, routed to the manager or the quality committee (JURY-5, JURY-6, EXAM-6). */
export const ReportIncident = /* @__PURE__ */ route({
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
});

/** `GET /sessions/{sessionId}/incidents`: The session's incidents, with who reported what when and where each went. */
export const ListIncidents = /* @__PURE__ */ route({
  id: 'ListIncidents',
  method: 'GET',
  path: '/sessions/{sessionId}/incidents',
  handler: 'functions/api/list-incidents.handler.ts',
  roles: ['managers', 'quality'],
  bindings: { table: 'read' },
  summary: "The session's incidents, with who reported what when and where each went",
  request: { path: sessionPath },
  status: 200,
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}/grid`: A candidate's grid: the competencies in scope, the decisions, who signs and who has (DELIB-1..7). */
export const GetGrid = /* @__PURE__ */ route({
  id: 'GetGrid',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}/grid',
  handler: 'functions/api/get-grid.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { table: 'read' },
  summary: "A candidate's grid: the competencies in scope, the decisions, who signs and who has (DELIB-1..7)",
  request: { path: registrationPath },
  status: 200,
});

/** `PUT /sessions/{sessionId}/candidates/{registrationId}/grid`: A juror fills the candidate's grid after the oral; each filling clears the signatures (DELIB-1, DELIB-5, DELIB-6, DELIB-7). */
export const FillGrid = /* @__PURE__ */ route({
  id: 'FillGrid',
  method: 'PUT',
  path: '/sessions/{sessionId}/candidates/{registrationId}/grid',
  handler: 'functions/api/fill-grid.handler.ts',
  roles: ['jurors'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "A juror fills the candidate's grid after the oral; each filling clears the signatures (DELIB-1, DELIB-5, DELIB-6, DELIB-7)",
  request: { path: registrationPath, body: gridBody },
  status: 200,
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/grid/signatures`: A juror signs the grid they read, by its hash; the last signature deliberates the candidate (DELIB-4, PV-3). */
export const SignGrid = /* @__PURE__ */ route({
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
});

/** `GET /sessions/{sessionId}/pv.pdf`: The PV as a PDF, in French: the draft marked PROJET that the signatories sign (its SHA-256 in x-content-sha256), or the sealed original (PV-2, PV-3, PV-4, PV-7). */
export const GetPvPdf = /* @__PURE__ */ route({
  id: 'GetPvPdf',
  method: 'GET',
  path: '/sessions/{sessionId}/pv.pdf',
  handler: 'functions/api/get-pv-pdf.handler.ts',
  roles: ['managers', 'jurors', 'quality'],
  bindings: { table: 'read', recordsBucket: 'read' },
  summary: 'The PV as a PDF, in French: the draft marked PROJET that the signatories sign (its SHA-256 in x-content-sha256), or the sealed original (PV-2, PV-3, PV-4, PV-7)',
  request: { path: sessionPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 200,
});

/** `POST /sessions/{sessionId}/pv/signatures`: A juror of part 3 or the session manager signs the PV draft they read, by its SHA-256; a draft that changed since is refused (PV-4). */
export const SignPv = /* @__PURE__ */ route({
  id: 'SignPv',
  method: 'POST',
  path: '/sessions/{sessionId}/pv/signatures',
  handler: 'functions/api/sign-pv.handler.ts',
  roles: ['managers', 'jurors'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: 'A juror of part 3 or the session manager signs the PV draft they read, by its SHA-256; a draft that changed since is refused (PV-4)',
  request: { path: sessionPath, body: pvSignatureBody },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 200,
  idempotent: true,
});

/** `PUT /centres/{centreId}/stamp`: A manager uploads the centre's stamp, a PNG or JPEG checked and kept with the records (PV-4). */
export const UploadStamp = /* @__PURE__ */ route({
  id: 'UploadStamp',
  method: 'PUT',
  path: '/centres/{centreId}/stamp',
  handler: 'functions/api/upload-stamp.handler.ts',
  roles: ['managers'],
  bindings: { table: 'readWrite', auditLog: 'append', recordsBucket: 'readWrite' },
  summary: "A manager uploads the centre's stamp, a PNG or JPEG checked and kept with the records (PV-4)",
  request: { path: centrePath, body: stampBody },
  status: 200,
});

/** `POST /sessions/{sessionId}/pv/stamp`: The session manager applies the centre's stamp once every signature is given (PV-4). */
export const ApplyStamp = /* @__PURE__ */ route({
  id: 'ApplyStamp',
  method: 'POST',
  path: '/sessions/{sessionId}/pv/stamp',
  handler: 'functions/api/apply-stamp.handler.ts',
  roles: ['managers'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "The session manager applies the centre's stamp once every signature is given (PV-4)",
  request: { path: sessionPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 200,
  idempotent: true,
});

/** `POST /sessions/{sessionId}/pv/seal`: Seals the PV: refused with everything missing (PV-6); sealed, the PV and the grids are written under Object Lock with their hashes, never altered (PV-7). */
export const SealPv = /* @__PURE__ */ route({
  id: 'SealPv',
  method: 'POST',
  path: '/sessions/{sessionId}/pv/seal',
  handler: 'functions/api/seal-pv.handler.ts',
  roles: ['managers'],
  bindings: { table: 'readWrite', auditLog: 'append', recordsBucket: 'readWrite', sessionStateMachine: ['taskResponse'] },
  summary: 'Seals the PV: refused with everything missing (PV-6); sealed, the PV and the grids are written under Object Lock with their hashes, never altered (PV-7)',
  request: { path: sessionPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 200,
  idempotent: true,
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}/result`: A candidate's result, diploma or booklet and its verification code; the candidate reads their own once the PV is sealed (RETAKE-1, QUAL-2). */
export const GetResult = /* @__PURE__ */ route({
  id: 'GetResult',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}/result',
  handler: 'functions/api/get-result.handler.ts',
  roles: ['managers', 'quality', 'candidates'],
  bindings: { table: 'read', recordsBucket: 'read' },
  summary: "A candidate's result, diploma or booklet and its verification code; the candidate reads their own once the PV is sealed (RETAKE-1, QUAL-2)",
  request: { path: registrationPath },
  status: 200,
});

/** `GET /verify/{code}`: Public verification of a diploma or booklet by its code: holder, title, blocks, date, valid or annulled; 404 for any other code; rate-limited. */
export const Verify = /* @__PURE__ */ route({
  id: 'Verify',
  method: 'GET',
  path: '/verify/{code}',
  handler: 'functions/api/verify.handler.ts',
  roles: 'public',
  bindings: { table: 'read' },
  summary: "Public verification of a diploma or booklet by its code: holder, title, blocks, date, valid or annulled; 404 for any other code; rate-limited",
  request: { path: verificationPath },
  status: 200,
  throttle: { ratePerSecond: 5, burst: 10 },
});

/** `POST /sessions/{sessionId}/candidates/{registrationId}/appeals`: A candidate appeals against their session within the window; admissible only on the QUAL-1 grounds, otherwise recorded and answered with why (QUAL-1, QUAL-2). */
export const FileAppeal = /* @__PURE__ */ route({
  id: 'FileAppeal',
  method: 'POST',
  path: '/sessions/{sessionId}/candidates/{registrationId}/appeals',
  handler: 'functions/api/file-appeal.handler.ts',
  roles: ['candidates'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: 'A candidate appeals against their session within the window; admissible only on the QUAL-1 grounds, otherwise recorded and answered with why (QUAL-1, QUAL-2)',
  request: { path: registrationPath, body: appealBody },
  status: 201,
  idempotent: true,
});

/** `GET /sessions/{sessionId}/candidates/{registrationId}/appeals`: A candidate's own appeals against a session and what became of them (QUAL-1). */
export const ListAppeals = /* @__PURE__ */ route({
  id: 'ListAppeals',
  method: 'GET',
  path: '/sessions/{sessionId}/candidates/{registrationId}/appeals',
  handler: 'functions/api/list-appeals.handler.ts',
  roles: ['candidates'],
  bindings: { table: 'read' },
  summary: "A candidate's own appeals against a session and what became of them (QUAL-1)",
  request: { path: registrationPath },
  status: 200,
});

/** `GET /committee/cases`: The quality committee's queue: admissible appeals, reported violations and late-found conflicts, oldest first (QUAL-2, JURY-5, JURY-6, EXAM-6). */
export const CommitteeCases = /* @__PURE__ */ route({
  id: 'CommitteeCases',
  method: 'GET',
  path: '/committee/cases',
  handler: 'functions/api/committee-cases.handler.ts',
  roles: ['quality'],
  bindings: { table: 'read' },
  summary: "The quality committee's queue: admissible appeals, reported violations and late-found conflicts, oldest first (QUAL-2, JURY-5, JURY-6, EXAM-6)",
  request: { query: committeeQueueQuery },
  status: 200,
});

/** `POST /sessions/{sessionId}/committee-decisions`: The committee rules on cases of a session: rejected, or the session annulled with a reason; the dated decision is filed beside the sealed records (QUAL-2). */
export const DecideCases = /* @__PURE__ */ route({
  id: 'DecideCases',
  method: 'POST',
  path: '/sessions/{sessionId}/committee-decisions',
  handler: 'functions/api/decide-cases.handler.ts',
  roles: ['quality'],
  bindings: { table: 'readWrite', auditLog: 'append', recordsBucket: 'readWrite' },
  summary: 'The committee rules on cases of a session: rejected, or the session annulled with a reason; the dated decision is filed beside the sealed records (QUAL-2)',
  request: { path: sessionPath, body: committeeDecisionBody },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 201,
  idempotent: true,
});

/** `GET /sessions/{sessionId}/committee-decisions`: The committee's decisions on a session (QUAL-2). */
export const ListDecisions = /* @__PURE__ */ route({
  id: 'ListDecisions',
  method: 'GET',
  path: '/sessions/{sessionId}/committee-decisions',
  handler: 'functions/api/list-decisions.handler.ts',
  roles: ['quality', 'managers'],
  bindings: { table: 'read' },
  summary: "The committee's decisions on a session (QUAL-2)",
  request: { path: sessionPath },
  status: 200,
});

/** `POST /sessions/{sessionId}/archive`: A session's whole record as one ZIP archive, with a manifest of SHA-256s, for the quality committee; the export is recorded in the audit log. */
export const ExportSessionArchive = /* @__PURE__ */ route({
  id: 'ExportSessionArchive',
  method: 'POST',
  path: '/sessions/{sessionId}/archive',
  handler: 'functions/api/export-session-archive.handler.ts',
  roles: ['quality'],
  bindings: { table: 'read', auditLog: 'readAppend', recordsBucket: 'read', deliverablesBucket: 'readWrite' },
  summary: "A session's whole record as one ZIP archive, with a manifest of SHA-256s, for the quality committee; the export is recorded in the audit log",
  request: { path: sessionPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 201,
});

/** `POST /people/{userId}/archive`: A candidate's whole record across sessions as one ZIP archive, for the quality committee; the export is recorded in the audit log. */
export const ExportPersonArchive = /* @__PURE__ */ route({
  id: 'ExportPersonArchive',
  method: 'POST',
  path: '/people/{userId}/archive',
  handler: 'functions/api/export-person-archive.handler.ts',
  roles: ['quality'],
  bindings: { table: 'read', auditLog: 'readAppend', recordsBucket: 'read', deliverablesBucket: 'readWrite' },
  summary: "A candidate's whole record across sessions as one ZIP archive, for the quality committee; the export is recorded in the audit log",
  request: { path: personPath },
  sizing: { timeoutSeconds: 29, memoryMB: 1024 },
  status: 201,
});

/** `PUT /titles/{rncpCode}/settings`: The certifier sets a title's appeal window (QUAL-1, default two months) and its CPF contract. */
export const SetTitleSettings = /* @__PURE__ */ route({
  id: 'SetTitleSettings',
  method: 'PUT',
  path: '/titles/{rncpCode}/settings',
  handler: 'functions/api/set-title-settings.handler.ts',
  roles: ['certifiers'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "The certifier sets a title's appeal window (QUAL-1, default two months) and its CPF contract",
  request: { path: titlePath, body: titleSettingsBody },
  status: 200,
});

/** `GET /cpf-export`: The holders' XML flux for the CPF information system, per title and period, from sealed and never annulled results. */
export const CpfExport = /* @__PURE__ */ route({
  id: 'CpfExport',
  method: 'GET',
  path: '/cpf-export',
  handler: 'functions/api/cpf-export.handler.ts',
  roles: ['certifiers'],
  bindings: { table: 'read', auditLog: 'append' },
  summary: "The holders' XML flux for the CPF information system, per title and period, from sealed and never annulled results",
  request: { query: cpfExportQuery },
  status: 200,
});

/** `PUT /sessions/{sessionId}/candidates/{registrationId}/holder-identity`: A manager records a candidate's civil-status identity, which the CPF export needs. */
export const SetHolderIdentity = /* @__PURE__ */ route({
  id: 'SetHolderIdentity',
  method: 'PUT',
  path: '/sessions/{sessionId}/candidates/{registrationId}/holder-identity',
  handler: 'functions/api/set-holder-identity.handler.ts',
  roles: ['managers'],
  bindings: { table: 'readWrite', auditLog: 'append' },
  summary: "A manager records a candidate's civil-status identity, which the CPF export needs",
  request: { path: registrationPath, body: holderIdentityBody },
  status: 200,
});

/** `GET /me/registrations`: The calling candidate's own registrations. */
export const MyRegistrations = /* @__PURE__ */ route({
  id: 'MyRegistrations',
  method: 'GET',
  path: '/me/registrations',
  handler: 'functions/api/my-registrations.handler.ts',
  roles: ['candidates'],
  bindings: { table: 'read' },
  summary: "The calling candidate's own registrations",
  request: {},
  status: 200,
});

/** Every route of the Certiflow HTTP API, by id. */
export const ROUTE = {
  Health,
  OpenApi,
  CreateSession,
  ListSessions,
  GetSession,
  UpdateSession,
  ClosePlanning,
  RegisterCandidate,
  ImportCandidates,
  ListRegistrations,
  GetRegistration,
  SetAccommodation,
  SetTrainers,
  AssignJuror,
  ImportJurors,
  WithdrawJuror,
  RecordDistribution,
  DistributionStatus,
  CreateJuror,
  GetJuror,
  UpdateJuror,
  AddHabilitation,
  RequestUpload,
  DeliverableStatus,
  IntakeSummary,
  DecideLateDeliverable,
  JuryDownload,
  JuryReceipts,
  DeclareLinks,
  SetCandidateOrder,
  GetSchedule,
  ScheduleCalendar,
  JuryDossier,
  GetPv,
  CheckIn,
  CheckIdentity,
  RunOral,
  ReportIncident,
  ListIncidents,
  GetGrid,
  FillGrid,
  SignGrid,
  GetPvPdf,
  SignPv,
  UploadStamp,
  ApplyStamp,
  SealPv,
  GetResult,
  Verify,
  FileAppeal,
  ListAppeals,
  CommitteeCases,
  DecideCases,
  ListDecisions,
  ExportSessionArchive,
  ExportPersonArchive,
  SetTitleSettings,
  CpfExport,
  SetHolderIdentity,
  MyRegistrations,
};

/** Every route of the Certiflow HTTP API. */
export const ROUTES: readonly RouteDefinition[] = /* @__PURE__ */ Object.values(ROUTE);
