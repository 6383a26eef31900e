import type { DistributionStatus, EligibilityRow, Violation } from '../shared/domain';
import type { components, paths } from './api-types.generated';
import type { IntakeSummary, RegistrationIntake, VersionView } from '../shared/use-cases/deliverables/intake-status';
import type { HealthReport } from '../shared/use-cases/health/check-health';
import type { ImportReport } from '../shared/use-cases/imports/import-rows';
import type { MyRegistration } from '../shared/use-cases/candidates/read-registrations';
import type { CandidateRegistrationView, FullRegistrationView, JurorRegistrationView } from '../shared/use-cases/candidates/registration-views';
import type { JuryReceiptsReport } from '../shared/use-cases/deliverables/jury-receipts';
import type { Dossier, PvView } from '../shared/use-cases/exam-day/dossier';
import type { GridView } from '../shared/use-cases/exam-day/grids';
import type { ExamRecord, IncidentRecord } from '../shared/use-cases/exam-day/records';
import type { ScheduleView } from '../shared/use-cases/exam-day/schedule';
import type { JurorView } from '../shared/use-cases/jurors/registry';
import type { Page } from '../shared/use-cases/sessions/ports';
import type { AppealView } from '../shared/use-cases/records/appeals';
import type { ArchiveExport } from '../shared/use-cases/records/archives';
import type { CaseView, DecisionView } from '../shared/use-cases/records/committee';
import type { CpfExport } from '../shared/use-cases/records/cpf-export';
import type { PvStatus } from '../shared/use-cases/records/pv-seal';
import type { PvSignatureRecord, TitleSettingsRecord } from '../shared/use-cases/records/records';
import type { CandidateResult, Verification } from '../shared/use-cases/records/results';
import type { SessionView } from '../shared/use-cases/sessions/get-session';
import type {
  AssignmentRecord,
  DistributionRecordItem,
  JurorRecord,
  PublicSession,
  TrainerRecord,
} from '../shared/use-cases/sessions/records';

/** The body of every error response, as the OpenAPI document describes it. */
export type ApiErrorBody = components['schemas']['Error']['error'];

/** A path of the API, in OpenAPI syntax: `/sessions/{sessionId}`. */
type Path = keyof paths;

/** The JSON request body of an operation, generated from the route table's schema. */
export type RequestBody<P extends Path, M extends keyof paths[P]> = paths[P][M] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of an operation, generated from the route table's schema. */
export type QueryParameters<P extends Path, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** A response: its status, and either its data or its error. */
export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  error?: ApiErrorBody;
}

/** The data of a successful response; throws, naming `what` with the status and the error, on any other. */
export function dataOf<T>(what: string, response: ApiResponse<T>): T {
  if (response.status >= 300 || response.data === undefined) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.error).slice(0, 600)}`);
  return response.data;
}

/** Options of a write. */
export interface WriteOptions {
  /** Makes a retried POST return the first result instead of acting twice. */
  idempotencyKey?: string;
  /** The version last read (ETag), for conditional updates. */
  ifMatch?: number;
}

/** A presigned POST for one deliverable. */
export interface UploadGrant {
  uploadId: string;
  deliverableType: string;
  url: string;
  fields: Record<string, string>;
  maxBytes: number;
  expiresAt: string;
}


function registrationPath(sessionId: string, registrationId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}/candidates/${encodeURIComponent(registrationId)}`;
}

/**
 * A small typed client of the Certiflow HTTP API. It never throws on an HTTP status: callers
 * read `status`, `data` and `error`.
 */
export class CertiflowClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    /** The language refusals are asked in (`Accept-Language`); the API answers English without it. */
    private readonly language?: 'fr' | 'en',
  ) {}

  /** The same client acting with another token (or none). */
  as(token: string | undefined): CertiflowClient {
    return new CertiflowClient(this.baseUrl, token, this.language);
  }

  /** The same client asking for refusals in `language`. */
  speaking(language: 'fr' | 'en'): CertiflowClient {
    return new CertiflowClient(this.baseUrl, this.token, language);
  }

  health(): Promise<ApiResponse<HealthReport>> {
    return this.request('GET', '/health');
  }

  openApi(): Promise<ApiResponse<Record<string, unknown>>> {
    return this.request('GET', '/openapi.json');
  }

  createSession(body: RequestBody<'/sessions', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ session: PublicSession }>> {
    return this.request('POST', '/sessions', body, options);
  }

  listSessions(query: Partial<QueryParameters<'/sessions', 'get'>> = {}): Promise<ApiResponse<Page<PublicSession>>> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    return this.request('GET', `/sessions${search.size > 0 ? `?${search}` : ''}`);
  }

  /** The session; `trainers` for the centre's managers and the quality committee, `you` for a juror of the session. */
  getSession(sessionId: string): Promise<ApiResponse<{ session: SessionView }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}`);
  }

  updateSession(sessionId: string, body: RequestBody<'/sessions/{sessionId}', 'patch'>, options: WriteOptions & { ifMatch: number }): Promise<ApiResponse<{ session: PublicSession }>> {
    return this.request('PATCH', `/sessions/${encodeURIComponent(sessionId)}`, body, options);
  }

  closePlanning(sessionId: string, options: WriteOptions = {}): Promise<ApiResponse<{ session: PublicSession }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/close-planning`, undefined, options);
  }

  registerCandidate(sessionId: string, body: RequestBody<'/sessions/{sessionId}/candidates', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ registration: FullRegistrationView }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/candidates`, body, options);
  }

  /** Previews (`commit: false`) or registers (`commit: true`) the candidates of a CSV file; each row is reported with its line. */
  importCandidates(sessionId: string, body: RequestBody<'/sessions/{sessionId}/candidates/import', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<ImportReport>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/candidates/import`, body, options);
  }

  /**
   * Each registration as the caller may know it: whole for the centre and the quality committee,
   * with each candidate's exam record once the day began; for jurors, name and scope, their own
   * declaration (`myDeclaration`) and the stage of the candidates they evaluate (`exam.stage`).
   */
  listRegistrations(sessionId: string): Promise<ApiResponse<{ registrations: Array<FullRegistrationView | JurorRegistrationView> }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/candidates`);
  }

  getRegistration(sessionId: string, registrationId: string): Promise<ApiResponse<{ registration: FullRegistrationView | CandidateRegistrationView | JurorRegistrationView }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/candidates/${encodeURIComponent(registrationId)}`);
  }

  setAccommodation(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/accommodation', 'put'>): Promise<ApiResponse<{ registration: FullRegistrationView }>> {
    return this.request('PUT', `/sessions/${encodeURIComponent(sessionId)}/candidates/${encodeURIComponent(registrationId)}/accommodation`, body);
  }

  setTrainers(sessionId: string, body: RequestBody<'/sessions/{sessionId}/trainers', 'put'>): Promise<ApiResponse<{ trainers: TrainerRecord[] }>> {
    return this.request('PUT', `/sessions/${encodeURIComponent(sessionId)}/trainers`, body);
  }

  assignJuror(sessionId: string, jurorId: string, options: WriteOptions = {}): Promise<ApiResponse<{ assignment: Omit<AssignmentRecord, 'userId'> }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/jurors`, { jurorId } satisfies RequestBody<'/sessions/{sessionId}/jurors', 'post'>, options);
  }

  /** Previews (`commit: false`) or assigns (`commit: true`) the registry jurors a CSV file names; each row is reported with its line. */
  importJurors(sessionId: string, body: RequestBody<'/sessions/{sessionId}/jurors/import', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<ImportReport>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/jurors/import`, body, options);
  }

  withdrawJuror(sessionId: string, jurorId: string): Promise<ApiResponse<{ declarationsComplete: boolean }>> {
    return this.request('DELETE', `/sessions/${encodeURIComponent(sessionId)}/jurors/${encodeURIComponent(jurorId)}`);
  }

  recordDistribution(sessionId: string, body: RequestBody<'/sessions/{sessionId}/distributions', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ distribution: DistributionRecordItem }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/distributions`, body, options);
  }

  distributionStatus(sessionId: string, horizonDays?: QueryParameters<'/sessions/{sessionId}/distributions', 'get'>['horizonDays']): Promise<ApiResponse<{ distributions: DistributionStatus[]; overdue: string[]; dueSoon: string[] }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/distributions${horizonDays === undefined ? '' : `?horizonDays=${horizonDays}`}`);
  }

  createJuror(body: RequestBody<'/jurors', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ juror: JurorRecord }>> {
    return this.request('POST', '/jurors', body, options);
  }

  getJuror(jurorId: string): Promise<ApiResponse<{ juror: JurorView }>> {
    return this.request('GET', `/jurors/${encodeURIComponent(jurorId)}`);
  }

  updateJuror(jurorId: string, body: RequestBody<'/jurors/{jurorId}', 'patch'>, options: WriteOptions & { ifMatch: number }): Promise<ApiResponse<{ juror: JurorRecord }>> {
    return this.request('PATCH', `/jurors/${encodeURIComponent(jurorId)}`, body, options);
  }

  addHabilitation(jurorId: string, body: RequestBody<'/jurors/{jurorId}/habilitations', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ juror: JurorRecord }>> {
    return this.request('POST', `/jurors/${encodeURIComponent(jurorId)}/habilitations`, body, options);
  }

  requestUpload(sessionId: string, registrationId: string, deliverableType: string, options: WriteOptions = {}): Promise<ApiResponse<{ upload: UploadGrant }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/deliverables/${encodeURIComponent(deliverableType)}/uploads`, undefined, options);
  }

  deliverableStatus(sessionId: string, registrationId: string): Promise<ApiResponse<{ intake: RegistrationIntake }>> {
    return this.request('GET', `${registrationPath(sessionId, registrationId)}/deliverables`);
  }

  intakeSummary(sessionId: string): Promise<ApiResponse<{ intake: IntakeSummary }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/intake`);
  }

  decideLateDeliverable(sessionId: string, uploadId: string, body: RequestBody<'/sessions/{sessionId}/deliverables/{uploadId}/late-decision', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ version: VersionView; timeZone: string }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/deliverables/${encodeURIComponent(uploadId)}/late-decision`, body, options);
  }

  juryDownload(sessionId: string, registrationId: string, deliverableType: string): Promise<ApiResponse<{ download: { url: string; expiresInSeconds: number; versionId: string; version: number; sha256: string } }>> {
    return this.request('GET', `${registrationPath(sessionId, registrationId)}/deliverables/${encodeURIComponent(deliverableType)}/download`);
  }

  declareLinks(sessionId: string, body: RequestBody<'/sessions/{sessionId}/declarations', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ eligibility: Omit<EligibilityRow, 'candidateId'>[]; blockers: Violation[]; declarationsComplete: boolean; lateConflicts: IncidentRecord[] }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/declarations`, body, options);
  }

  setCandidateOrder(sessionId: string, order: string[]): Promise<ApiResponse<{ order: string[] }>> {
    return this.request('PUT', `/sessions/${encodeURIComponent(sessionId)}/schedule`, { order } satisfies RequestBody<'/sessions/{sessionId}/schedule', 'put'>);
  }

  schedule(sessionId: string): Promise<ApiResponse<{ schedule: ScheduleView }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/schedule`);
  }

  /** The schedule as iCalendar text. */
  async scheduleCalendar(sessionId: string): Promise<ApiResponse<string>> {
    const response = await fetch(`${this.baseUrl}/sessions/${encodeURIComponent(sessionId)}/schedule.ics`, { headers: this.readHeaders() });
    const text = await response.text();
    return response.ok ? { status: response.status, headers: response.headers, data: text } : { status: response.status, headers: response.headers, error: (JSON.parse(text) as { error: ApiErrorBody }).error };
  }

  dossier(sessionId: string): Promise<ApiResponse<{ dossier: Dossier }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/dossier`);
  }

  pv(sessionId: string): Promise<ApiResponse<{ timeZone: string; pv: PvView; status: PvStatus }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/pv`);
  }

  /** The PV as a PDF: the bytes, and the SHA-256 the server states in `x-content-sha256`. */
  async pvPdf(sessionId: string): Promise<ApiResponse<{ bytes: Uint8Array; sha256: string }>> {
    const response = await fetch(`${this.baseUrl}/sessions/${encodeURIComponent(sessionId)}/pv.pdf`, { headers: this.readHeaders() });
    if (!response.ok) return { status: response.status, headers: response.headers, error: ((await response.json()) as { error: ApiErrorBody }).error };
    return { status: response.status, headers: response.headers, data: { bytes: new Uint8Array(await response.arrayBuffer()), sha256: response.headers.get('x-content-sha256') ?? '' } };
  }

  signPv(sessionId: string, sha256: string, options: WriteOptions = {}): Promise<ApiResponse<{ signature: PvSignatureRecord }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/pv/signatures`, { sha256 } satisfies RequestBody<'/sessions/{sessionId}/pv/signatures', 'post'>, options);
  }

  uploadStamp(centreId: string, body: RequestBody<'/centres/{centreId}/stamp', 'put'>): Promise<ApiResponse<{ stamp: { centreId: string; sha256: string; contentType: string; width: number; height: number } }>> {
    return this.request('PUT', `/centres/${encodeURIComponent(centreId)}/stamp`, body);
  }

  applyStamp(sessionId: string, options: WriteOptions = {}): Promise<ApiResponse<{ timeZone: string; pv: PvView; status: PvStatus }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/pv/stamp`, undefined, options);
  }

  sealPv(sessionId: string, options: WriteOptions = {}): Promise<ApiResponse<{ timeZone: string; pv: PvView; status: PvStatus }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/pv/seal`, undefined, options);
  }

  result(sessionId: string, registrationId: string): Promise<ApiResponse<CandidateResult>> {
    return this.request('GET', `${registrationPath(sessionId, registrationId)}/result`);
  }

  verify(code: string): Promise<ApiResponse<Verification>> {
    return this.request('GET', `/verify/${encodeURIComponent(code)}`);
  }

  fileAppeal(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/appeals', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ appeal: AppealView }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/appeals`, body, options);
  }

  appeals(sessionId: string, registrationId: string): Promise<ApiResponse<{ appeals: AppealView[] }>> {
    return this.request('GET', `${registrationPath(sessionId, registrationId)}/appeals`);
  }

  committeeCases(query: QueryParameters<'/committee/cases', 'get'> = {}): Promise<ApiResponse<{ items: CaseView[]; nextCursor?: string }>> {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
    return this.request('GET', `/committee/cases${search.size > 0 ? `?${search}` : ''}`);
  }

  decideCases(sessionId: string, body: RequestBody<'/sessions/{sessionId}/committee-decisions', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ decision: DecisionView }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/committee-decisions`, body, options);
  }

  decisions(sessionId: string): Promise<ApiResponse<{ decisions: DecisionView[] }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/committee-decisions`);
  }

  exportSession(sessionId: string): Promise<ApiResponse<{ archive: ArchiveExport }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/archive`);
  }

  exportPerson(userId: string): Promise<ApiResponse<{ archive: ArchiveExport }>> {
    return this.request('POST', `/people/${encodeURIComponent(userId)}/archive`);
  }

  setTitleSettings(rncpCode: string, body: RequestBody<'/titles/{rncpCode}/settings', 'put'>): Promise<ApiResponse<{ settings: TitleSettingsRecord }>> {
    return this.request('PUT', `/titles/${encodeURIComponent(rncpCode)}/settings`, body);
  }

  cpfExport(query: QueryParameters<'/cpf-export', 'get'>): Promise<ApiResponse<CpfExport>> {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
    return this.request('GET', `/cpf-export?${search}`);
  }

  setHolderIdentity(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/holder-identity', 'put'>): Promise<ApiResponse<{ registration: FullRegistrationView }>> {
    return this.request('PUT', `${registrationPath(sessionId, registrationId)}/holder-identity`, body);
  }

  checkIn(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/check-in', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ exam: ExamRecord; timeZone: string }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/check-in`, body, options);
  }

  checkIdentity(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/identity-check', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ exam: ExamRecord; timeZone: string }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/identity-check`, body, options);
  }

  runOral(sessionId: string, registrationId: string, action: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/oral', 'post'>['action'], options: WriteOptions = {}): Promise<ApiResponse<{ exam: ExamRecord; timeZone: string }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/oral`, { action } satisfies RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/oral', 'post'>, options);
  }

  reportIncident(sessionId: string, body: RequestBody<'/sessions/{sessionId}/incidents', 'post'>, options: WriteOptions = {}): Promise<ApiResponse<{ incident: IncidentRecord; timeZone: string }>> {
    return this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/incidents`, body, options);
  }

  incidents(sessionId: string): Promise<ApiResponse<{ incidents: IncidentRecord[]; timeZone: string }>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/incidents`);
  }

  grid(sessionId: string, registrationId: string): Promise<ApiResponse<{ grid: GridView }>> {
    return this.request('GET', `${registrationPath(sessionId, registrationId)}/grid`);
  }

  fillGrid(sessionId: string, registrationId: string, body: RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/grid', 'put'>): Promise<ApiResponse<{ grid: GridView }>> {
    return this.request('PUT', `${registrationPath(sessionId, registrationId)}/grid`, body);
  }

  signGrid(sessionId: string, registrationId: string, hash: string, options: WriteOptions = {}): Promise<ApiResponse<{ grid: GridView }>> {
    return this.request('POST', `${registrationPath(sessionId, registrationId)}/grid/signatures`, { hash } satisfies RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/grid/signatures', 'post'>, options);
  }

  juryReceipts(sessionId: string): Promise<ApiResponse<JuryReceiptsReport>> {
    return this.request('GET', `/sessions/${encodeURIComponent(sessionId)}/jury-receipts`);
  }

  myRegistrations(): Promise<ApiResponse<{ registrations: MyRegistration[] }>> {
    return this.request('GET', '/me/registrations');
  }

  /** The headers every request carries: the token and the language asked for. */
  private readHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.language) headers['accept-language'] = this.language;
    return headers;
  }

  /** Any request; for malformed requests in tests and routes without a typed method. */
  async request<T>(method: string, path: string, body?: unknown, options: WriteOptions & { rawBody?: string } = {}): Promise<ApiResponse<T>> {
    const headers = this.readHeaders();
    if (body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { message: text };
    }
    if (response.ok) return { status: response.status, headers: response.headers, data: parsed as T };
    const error = (parsed.error as ApiErrorBody | undefined) ?? { code: String(response.status), message: String(parsed.message ?? response.statusText) };
    return { status: response.status, headers: response.headers, error };
  }
}
