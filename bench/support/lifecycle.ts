/**
 * A whole session lifecycle driven through the HTTP API on the local runtime, and the meter that
 * counts what it cost: Lambda invocations and their wall time, DynamoDB requests with the capacity
 * DynamoDB Local reports, S3 and Step Functions requests. Shared by the sections of `npm run bench`
 * (P2, P4, P5, P7, P8). Each section runs its runtime in a worker process of its own ({@link inWorker}):
 * the SDK clients of the handlers are created once per process with the endpoints of the first
 * runtime, so two runtimes one after the other in the same process would not reach the second.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CertiflowClient, dataOf } from '../../client/certiflow-client';
import { LambdaHost } from '../../local/lambda-host';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws';
import { startLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { inWorker } from './worker';
import { dynamoDb } from '../../shared/adapters/aws/dynamodb-client';
import { s3 } from '../../shared/adapters/aws/s3-client';
import { stepFunctions } from '../../shared/adapters/aws/sfn-client';
import { keys } from '../../shared/adapters/dynamodb-keys';
import { referentialFor } from '../../shared/domain';
import type { SessionRecord } from '../../shared/use-cases/sessions/records';
import { BUCKET_EVENTS } from '../../shared/wiring/bucket-events';
import { EXECUTION_EVENTS } from '../../shared/wiring/execution-events';
import { allFunctions, bucketEventFunction, executionEventFunction, routeFunction, taskFunction } from '../../shared/wiring/functions';
import type { Role } from '../../shared/wiring/roles';
import { ROUTES } from '../../shared/wiring/routes';
import { STATE_MACHINES } from '../../shared/wiring/state-machines';
import { stampPng } from '../../test/e2e/support/documents';
import { pdfWithPages, postToPresigned } from '../../test/e2e/support/pdf';

const DAY = 86_400_000;

/** The memory of a function without sizing in the wiring tables: `CertiflowFunction`'s default (infra/constructs/certiflow-function.ts). */
export const DEFAULT_MEMORY_MB = 512;

/** What a function is, for pricing: an API route's, a state machine task's, or an event's. */
export type FunctionKind = 'api' | 'task' | 'event';

const SIZED: ReadonlyMap<string, number | undefined> = new Map([
  ...ROUTES.map((route) => [routeFunction(route).name, route.sizing?.memoryMB] as const),
  ...STATE_MACHINES.flatMap((machine) => machine.tasks.map((task) => [taskFunction(task).name, task.sizing?.memoryMB] as const)),
  ...BUCKET_EVENTS.map((subscription) => [bucketEventFunction(subscription).name, memoryOf(subscription)] as const),
  ...EXECUTION_EVENTS.map((subscription) => [executionEventFunction(subscription).name, memoryOf(subscription)] as const),
]);
const ROUTE_FUNCTIONS = new Set(ROUTES.map((route) => routeFunction(route).name));
const TASK_FUNCTIONS = new Set(STATE_MACHINES.flatMap((machine) => machine.tasks.map((task) => taskFunction(task).name)));

/** Every deployed function by its local name: its kind and its memory on AWS (the wiring's sizing, else 512 MB). */
export const FUNCTIONS: ReadonlyMap<string, { kind: FunctionKind; memoryMB: number }> = new Map(
  allFunctions().map((fn) => [fn.name, { kind: ROUTE_FUNCTIONS.has(fn.name) ? 'api' : TASK_FUNCTIONS.has(fn.name) ? 'task' : 'event', memoryMB: SIZED.get(fn.name) ?? DEFAULT_MEMORY_MB }]),
);

function memoryOf(definition: object): number | undefined {
  return (definition as { sizing?: { memoryMB?: number } }).sizing?.memoryMB;
}

/** One local Lambda invocation. */
export interface LambdaCall {
  fn: string;
  startedAt: number;
  ms: number;
  failed: boolean;
}

/** An item key a write touched: its table, partition key and, for a Put, the index partition keys of the item. */
export interface WrittenKey {
  table: string;
  pk: string;
  gsi: Record<string, string>;
}

/** One SDK request seen on a shared client of the handlers. */
export interface SdkCall {
  service: 'dynamodb' | 's3' | 'sfn';
  op: string;
  /** The function that made it (local name), or `bench`. */
  fn: string;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** The JSON body sent (DynamoDB and Step Functions), when bodies are kept. */
  body?: string;
  bucket?: string;
  /** Bytes sent in the request body (an S3 PutObject's object). */
  bytes?: number;
  readUnits?: number;
  writeUnits?: number;
  writes?: WrittenKey[];
}

/** Everything the meter saw, in completion order, and the Lambda concurrency. */
export interface Meter {
  lambda: LambdaCall[];
  sdk: SdkCall[];
  inFlight: number;
  peakInFlight: number;
}

const invoker = new AsyncLocalStorage<string>();
let meter: Meter | undefined;
const meterOptions = { consumedCapacity: false, bodies: false };

const CAPACITY_OPS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

type Attribute = { S?: string; N?: string };
type WriteAction = { TableName?: string; Item?: Record<string, Attribute>; Key?: Record<string, Attribute> };

/** The keys a DynamoDB write request (JSON body) touches. */
export function writtenKeys(op: string, body: Record<string, unknown>): WrittenKey[] {
  const of = (action: WriteAction): WrittenKey => {
    const item = action.Item ?? action.Key ?? {};
    const gsi = Object.fromEntries(Object.entries(action.Item ?? {}).filter(([name, value]) => /^GSI\d+PK$/.test(name) && value.S !== undefined).map(([name, value]) => [name, value.S!]));
    return { table: action.TableName ?? '', pk: item.PK?.S ?? '', gsi };
  };
  if (op === 'TransactWriteItems') {
    const items = (body.TransactItems ?? []) as Array<Record<string, WriteAction>>;
    return items.flatMap((entry) => Object.entries(entry).filter(([kind]) => kind !== 'ConditionCheck').map(([, action]) => of(action)));
  }
  if (op === 'PutItem' || op === 'UpdateItem' || op === 'DeleteItem') return [of(body as WriteAction)];
  if (op === 'BatchWriteItem') {
    const requests = (body.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: WriteAction; DeleteRequest?: WriteAction }>>;
    return Object.entries(requests).flatMap(([table, list]) => list.map((entry) => of({ TableName: table, ...(entry.PutRequest ?? entry.DeleteRequest ?? {}) })));
  }
  return [];
}

const READ_OPS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

function capacityOf(op: string, output: unknown): { readUnits: number; writeUnits: number } | undefined {
  const consumed = (output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
  if (!consumed) return undefined;
  let readUnits = 0;
  let writeUnits = 0;
  for (const entry of Array.isArray(consumed) ? consumed : [consumed]) {
    if (entry.ReadCapacityUnits === undefined && entry.WriteCapacityUnits === undefined) {
      if (READ_OPS.has(op)) readUnits += entry.CapacityUnits ?? 0;
      else writeUnits += entry.CapacityUnits ?? 0;
    } else {
      readUnits += entry.ReadCapacityUnits ?? 0;
      writeUnits += entry.WriteCapacityUnits ?? 0;
    }
  }
  return { readUnits, writeUnits };
}

function textOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

type Stack = { add(middleware: unknown, options: { step: string; name: string }): void };
type Context = { commandName?: string; benchCall?: SdkCall };

function watch(service: SdkCall['service'], stack: Stack, seen: Meter): void {
  stack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<{ output: unknown }>, context: Context) => async (args: { input: Record<string, unknown> }) => {
      const op = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const call: SdkCall = { service, op, fn: invoker.getStore() ?? 'bench', startedAt: performance.now(), endedAt: 0, ok: false };
      if (service === 's3' && typeof args.input.Bucket === 'string') call.bucket = args.input.Bucket;
      if (service === 'dynamodb' && meterOptions.consumedCapacity && CAPACITY_OPS.has(op) && args.input.ReturnConsumedCapacity === undefined) args.input.ReturnConsumedCapacity = 'INDEXES';
      context.benchCall = call;
      try {
        const result = await next(args);
        call.ok = true;
        if (service === 'dynamodb') Object.assign(call, capacityOf(op, result.output) ?? {});
        return result;
      } finally {
        call.endedAt = performance.now();
        seen.sdk.push(call);
      }
    },
    { step: 'initialize', name: `benchMeter${service}` },
  );
  stack.add(
    (next: (args: { request: { headers?: Record<string, string>; body?: unknown } }) => Promise<unknown>, context: Context) => async (args: { request: { headers?: Record<string, string>; body?: unknown } }) => {
      const call = context.benchCall;
      if (call) {
        const length = Number(args.request.headers?.['content-length'] ?? args.request.headers?.['Content-Length'] ?? NaN);
        if (Number.isFinite(length)) call.bytes = length;
        const body = service === 's3' ? undefined : textOf(args.request.body);
        if (body !== undefined) {
          if (meterOptions.bodies) call.body = body;
          if (service === 'dynamodb') call.writes = writtenKeys(call.op, JSON.parse(body) as Record<string, unknown>);
        }
      }
      return next(args);
    },
    { step: 'build', name: `benchBody${service}` },
  );
}

/**
 * Installs the meter once per process (call after the runtime set the endpoints): every local
 * Lambda invocation runs in a scope named after its function, and the handlers' shared DynamoDB,
 * S3 and Step Functions clients record each request. `consumedCapacity` asks DynamoDB for the
 * capacity of each request (it adds `ReturnConsumedCapacity: INDEXES`); `bodies` keeps the JSON
 * body of each DynamoDB and Step Functions request.
 */
export function instrument(options: { consumedCapacity?: boolean; bodies?: boolean } = {}): Meter {
  if (options.consumedCapacity) meterOptions.consumedCapacity = true;
  if (options.bodies) meterOptions.bodies = true;
  if (meter) return meter;
  const seen: Meter = { lambda: [], sdk: [], inFlight: 0, peakInFlight: 0 };
  meter = seen;
  const invoke = LambdaHost.prototype.invoke;
  LambdaHost.prototype.invoke = async function (this: LambdaHost, nameOrArn: string, event: unknown) {
    const fn = nameOrArn.includes(':function:') ? nameOrArn.split(':function:')[1]!.split(':')[0]! : nameOrArn;
    const call: LambdaCall = { fn, startedAt: performance.now(), ms: 0, failed: false };
    seen.inFlight++;
    seen.peakInFlight = Math.max(seen.peakInFlight, seen.inFlight);
    try {
      return await invoker.run(fn, () => invoke.call(this, nameOrArn, event));
    } catch (error) {
      call.failed = true;
      throw error;
    } finally {
      call.ms = performance.now() - call.startedAt;
      seen.inFlight--;
      seen.lambda.push(call);
    }
  };
  watch('dynamodb', dynamoDb().middlewareStack as unknown as Stack, seen);
  watch('s3', s3().middlewareStack as unknown as Stack, seen);
  watch('sfn', stepFunctions().middlewareStack as unknown as Stack, seen);
  return seen;
}

/** A local runtime on free ports with a throwaway data folder, and what a bench needs to drive it. */
export interface BenchRuntime {
  runtime: LocalRuntime;
  anonymous: CertiflowClient;
  certifier: CertiflowClient;
  /** A client acting as a user with these roles. */
  as(roles: Role[], sub: string, centreId?: string): Promise<CertiflowClient>;
  /** Reads of the local table outside the handlers' client: never metered. */
  db: DynamoDBDocumentClient;
  /** Reads of the local Step Functions outside the handlers' client: never metered. */
  sfn: SFNClient;
  stop(): Promise<void>;
}

/** Starts the whole local runtime in this process (handlers at CRITICAL log level). */
export async function startBenchRuntime(): Promise<BenchRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'certiflow-bench-'));
  const runtime = await startLocalRuntime({ dataDir, ports: { api: 0, dynamodb: 0, s3: 0, stepFunctions: 0 }, logLevel: 'CRITICAL' });
  const anonymous = new CertiflowClient(runtime.urls.api);
  const raw = new DynamoDBClient({ endpoint: runtime.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const db = DynamoDBDocumentClient.from(raw);
  const sfn = new SFNClient({ endpoint: runtime.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const as = async (roles: Role[], sub: string, centreId?: string) => anonymous.as(await runtime.issuer.sign({ sub, roles, ...(centreId ? { centreId } : {}) }));
  return {
    runtime,
    anonymous,
    certifier: await as(['certifiers'], 'bench-certifier'),
    as,
    db,
    sfn,
    async stop() {
      await runtime.s3EventsIdle().catch(() => undefined);
      raw.destroy();
      sfn.destroy();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The session item as stored (read directly, consistently). */
export async function sessionItem(bench: BenchRuntime, sessionId: string): Promise<SessionRecord | undefined> {
  const read = await bench.db.send(new GetCommand({ TableName: bench.runtime.resources.tableName, Key: keys.session(sessionId), ConsistentRead: true }));
  return read.Item as SessionRecord | undefined;
}

/** Polls the session item until `accept` holds; fails naming `what` after `timeoutMs`. */
export async function waitForSession(bench: BenchRuntime, sessionId: string, accept: (session: SessionRecord) => boolean, what: string, timeoutMs = 120_000): Promise<SessionRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const session = await sessionItem(bench, sessionId);
    if (session && accept(session)) return session;
    if (Date.now() > deadline) throw new Error(`session ${sessionId} never reached ${what}; it stands at ${JSON.stringify({ status: session?.status, pendingStep: session?.pendingStep?.step, overdue: session?.overdue, failure: session?.failure })}`);
    await new Promise((done) => setTimeout(done, 15));
  }
}


/** Moves the local clock forward to `instant` (never back). */
export function advanceTo(bench: BenchRuntime, instant: Date | string): void {
  const ahead = new Date(instant).getTime() - bench.runtime.clock.now().getTime();
  if (ahead > 0) bench.runtime.clock.advance(ahead);
}

function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The deliverables RNCP34757 owes and the pages that pass DELIV-2 for each. */
export const DELIVERABLE_PAGES: Readonly<Record<string, number>> = { 'project-report': 24, 'practical-case-1-report': 7, 'practical-case-2-report': 3 };

/** A session of the lifecycle: who acts on it. */
export interface LifecycleSession {
  sessionId: string;
  centreId: string;
  manager: CertiflowClient;
  jurors: Array<{ id: string; client: CertiflowClient }>;
  candidates: Array<{ registrationId: string; userId: string; client: CertiflowClient }>;
}

/** Creates a session 30 days ahead with 2 habilitated jurors and `count` first attempts, closes planning and waits for intake. */
export async function planSession(bench: BenchRuntime, count: number, tag: string, options: { sessionDays?: number; centreId?: string } = {}): Promise<LifecycleSession> {
  const now = bench.runtime.clock.now();
  const centreId = options.centreId ?? `centre-${tag}`;
  const manager = await bench.as(['managers'], `manager-${tag}`, centreId);
  const created = dataOf('create session', await manager.createSession({ titleCode: 'RNCP34757', sessionDate: dayFrom(now, options.sessionDays ?? 30), address: '12 rue des Lilas, 69001 Lyon', cohort: { name: 'Promo IA', startDate: dayFrom(now, -300), prairieEnd: dayFrom(now, -270) } }));
  const sessionId = created.session.id;
  const jurors: LifecycleSession['jurors'] = [];
  for (const [n, profession] of ['AI developer', 'data engineer'].entries()) {
    const userId = `juror-${tag}-${n}`;
    const juror = dataOf('create juror', await bench.certifier.createJuror({ userId, firstName: 'Camille', lastName: `Juré-${tag}-${n}`, email: `juror${n}.${tag}@bench.example.org`, profession, yearsOfExperience: 6, habilitations: [{ issuedBy: 'Simplon', validFrom: dayFrom(now, -365), validUntil: dayFrom(now, 730) }] })).juror;
    dataOf('assign juror', await manager.assignJuror(sessionId, juror.id));
    jurors.push({ id: juror.id, client: await bench.as(['jurors'], userId) });
  }
  const candidates: LifecycleSession['candidates'] = [];
  for (let n = 0; n < count; n++) {
    const userId = candidateUserId(tag, n);
    const registered = dataOf('register candidate', await manager.registerCandidate(sessionId, { attempt: 'first', candidate: { userId, firstName: 'Éloïse', lastName: `Martin-${tag}-${n}`, email: `c${n}.${tag}@bench.example.org` } }));
    candidates.push({ registrationId: registered.registration.id, userId, client: await bench.as(['candidates'], userId) });
  }
  await waitForSession(bench, sessionId, (s) => s.status === 'planning' && s.pendingStep?.step === 'planning', 'WaitForPlanning');
  dataOf('close planning', await manager.closePlanning(sessionId));
  await waitForSession(bench, sessionId, (s) => s.status === 'intake' && Boolean(s.intake), 'intake');
  return { sessionId, centreId, manager, jurors, candidates };
}

/** The PDFs each candidate (by user id) will upload, one per deliverable, each distinct (DELIV-6 refuses a copy). */
export async function deliverablesFor(userIds: readonly string[]): Promise<Map<string, Array<{ type: string; bytes: Uint8Array }>>> {
  const files = new Map<string, Array<{ type: string; bytes: Uint8Array }>>();
  for (const userId of userIds) {
    const own: Array<{ type: string; bytes: Uint8Array }> = [];
    for (const [type, pages] of Object.entries(DELIVERABLE_PAGES)) own.push({ type, bytes: await pdfWithPages(pages, `${userId} ${type}`, 45) });
    files.set(userId, own);
  }
  return files;
}

/** The user id of the n-th candidate of a session planned with this tag. */
export function candidateUserId(tag: string, n: number): string {
  return `cand-${tag}-${n}`;
}

/** Each candidate asks for a presigned POST per deliverable and uploads it; resolves once every S3 event was handled. */
export async function uploadDeliverables(bench: BenchRuntime, session: LifecycleSession, files: Map<string, Array<{ type: string; bytes: Uint8Array }>>): Promise<{ posts: number; bytes: number }> {
  let posts = 0;
  let bytes = 0;
  for (const candidate of session.candidates) {
    for (const file of files.get(candidate.userId) ?? []) {
      const grant = dataOf('request upload', await candidate.client.requestUpload(session.sessionId, candidate.registrationId, file.type));
      const status = await postToPresigned(grant.upload, file.bytes);
      if (status >= 300) throw new Error(`upload of ${file.type}: S3 answered ${status}`);
      posts++;
      bytes += file.bytes.length;
    }
  }
  await bench.runtime.s3EventsIdle();
  return { posts, bytes };
}

/** Intake closes (the clock moves to its deadline), every juror declares no link, and the workflow waits for the exam day. */
export async function closeIntake(bench: BenchRuntime, session: LifecycleSession): Promise<void> {
  const intake = await sessionItem(bench, session.sessionId);
  advanceTo(bench, intake!.intake!.closesAt);
  await waitForSession(bench, session.sessionId, (s) => s.pendingStep?.step === 'declarations', 'WaitForConflictDeclarations');
  for (const juror of session.jurors) {
    dataOf('declare links', await juror.client.declareLinks(session.sessionId, { declarations: session.candidates.map((c) => ({ registrationId: c.registrationId, link: 'none' as const })) }));
  }
  await waitForSession(bench, session.sessionId, (s) => s.status === 'ready-for-exam' && Boolean(s.examDay?.startsAt), 'WaitForExamDay');
}

const REFERENTIAL = referentialFor('RNCP34757');
const ALL_COMPETENCIES = REFERENTIAL.competencies.map((c) => c.code);
const FIRST_TWO_BLOCKS = new Set(REFERENTIAL.competencies.filter((c) => c.block === 'A1' || c.block === 'A2').map((c) => c.code));

/** The jury's decisions for the n-th candidate: every competency for even ones (the title), the first two blocks for odd ones (a booklet). */
export function gridFor(n: number) {
  if (n % 2 === 0) return { decisions: Object.fromEntries(ALL_COMPETENCIES.map((code) => [code, 'acquired' as const])) };
  return {
    decisions: Object.fromEntries(ALL_COMPETENCIES.map((code) => [code, FIRST_TWO_BLOCKS.has(code) ? ('acquired' as const) : ('not_acquired' as const)])),
    reasons: 'A3 et A4 non démontrés à l’oral',
    recommendations: 'Reprendre le déploiement et la gestion de projet',
  };
}

/** Moves the clock to the morning of the exam day and checks every candidate in; then to the start of the day. */
export async function checkInAll(bench: BenchRuntime, session: LifecycleSession): Promise<void> {
  const ready = await sessionItem(bench, session.sessionId);
  const startsAt = new Date(ready!.examDay!.startsAt);
  advanceTo(bench, new Date(startsAt.getTime() - 3_600_000));
  for (const candidate of session.candidates) dataOf('check in', await session.manager.checkIn(session.sessionId, candidate.registrationId, { status: 'present' }));
  advanceTo(bench, startsAt);
}

/** Waits for the workflow to call a candidate not yet heard; its index in `session.candidates`. */
export async function nextCalled(bench: BenchRuntime, session: LifecycleSession, heard: ReadonlySet<string>): Promise<number> {
  const called = await waitForSession(bench, session.sessionId, (s) => s.pendingStep?.step === 'candidate' && Boolean(s.pendingStep.registrationId) && !heard.has(s.pendingStep.registrationId!), 'the next candidate called');
  return session.candidates.findIndex((c) => c.registrationId === called.pendingStep!.registrationId);
}

/** Runs a called candidate's oral from start to end, each segment ended at its planned end (the clock moves). */
export async function sitOral(bench: BenchRuntime, session: LifecycleSession, registrationId: string): Promise<void> {
  const started = dataOf('start oral', await session.jurors[0]!.client.runOral(session.sessionId, registrationId, 'start'));
  for (const segment of started.exam.oral!.segments) {
    advanceTo(bench, segment.plannedEndAt);
    dataOf('end segment', await session.jurors[0]!.client.runOral(session.sessionId, registrationId, 'end-segment'));
  }
}

/** The exam day: each candidate called in turn sits the oral, the jury fills the grid and both jurors sign it. */
export async function runExamDay(bench: BenchRuntime, session: LifecycleSession): Promise<void> {
  await checkInAll(bench, session);
  const heard = new Set<string>();
  while (heard.size < session.candidates.length) {
    const n = await nextCalled(bench, session, heard);
    const { registrationId } = session.candidates[n]!;
    await sitOral(bench, session, registrationId);
    const grid = dataOf('fill grid', await session.jurors[0]!.client.fillGrid(session.sessionId, registrationId, gridFor(n))).grid;
    for (const juror of session.jurors) dataOf('sign grid', await juror.client.signGrid(session.sessionId, registrationId, grid.hash!));
    heard.add(registrationId);
  }
  await waitForSession(bench, session.sessionId, (s) => s.status === 'deliberated' && s.pendingStep?.step === 'pv-seal', 'WaitForPvSeal');
}

/** The jurors and the manager sign the PV they read, the manager stamps and seals it; resolves once the results are out and the execution's history archived. */
export async function sealPv(bench: BenchRuntime, session: LifecycleSession): Promise<void> {
  const draft = dataOf('read the PV', await session.manager.pvPdf(session.sessionId));
  for (const juror of session.jurors) dataOf('juror signs the PV', await juror.client.signPv(session.sessionId, draft.sha256));
  dataOf('manager signs the PV', await session.manager.signPv(session.sessionId, draft.sha256));
  dataOf('upload the stamp', await session.manager.uploadStamp(session.centreId, { contentType: 'image/png', imageBase64: stampPng().toString('base64') }));
  dataOf('apply the stamp', await session.manager.applyStamp(session.sessionId));
  dataOf('seal the PV', await session.manager.sealPv(session.sessionId));
  await waitForSession(bench, session.sessionId, (s) => s.status === 'results-released' && Boolean(s.executionHistory), 'results released and history archived');
  await bench.runtime.s3EventsIdle();
}

/** Each candidate reads their result and downloads their diploma or booklet; the verification codes issued. */
export async function readOutcomes(session: LifecycleSession): Promise<{ downloads: number; codes: string[] }> {
  let downloads = 0;
  const codes: string[] = [];
  for (const candidate of session.candidates) {
    const result = dataOf('read result', await candidate.client.result(session.sessionId, candidate.registrationId));
    if (result.certificate) codes.push(result.certificate.verificationCode);
    const url = result.certificate?.download?.url;
    if (url) {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`diploma download: ${response.status}`);
      downloads++;
    }
  }
  return { downloads, codes };
}

/** The events of an execution's history, read directly. */
export async function executionHistory(bench: BenchRuntime, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await bench.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

function sizeOf(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).replace(/[-.]/g, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + sizeOf(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + sizeOf(v), 0);
  return 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [name, v]) => sum + 1 + Buffer.byteLength(name) + sizeOf(v), 0);
}

/**
 * The bytes DynamoDB bills as storage for the data table and the audit log: each item's attribute
 * names and values, plus 100 bytes of overhead, once in the table and once more in each index that
 * holds it (both indexes project every attribute). Scans: for a bench's small tables only.
 */
export async function storedBytes(bench: BenchRuntime): Promise<number> {
  let total = 0;
  for (const tableName of [bench.runtime.resources.tableName, bench.runtime.resources.auditTableName]) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await bench.db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const size = Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + sizeOf(value), 0) + 100;
        total += size * (1 + (item.GSI1PK ? 1 : 0) + (item.GSI2PK ? 1 : 0));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return total;
}

/** The phases of a lifecycle, in order. */
export const PHASES = ['planning', 'intake', 'jury review', 'exam day', 'PV and release', 'outcomes'] as const;

/** What one lifecycle took and cost, counted on the local runtime. */
export interface LifecycleRun {
  candidates: number;
  sessionId: string;
  /** Wall time from the session's creation to the last diploma downloaded. */
  ms: number;
  phases: Record<(typeof PHASES)[number], number>;
  /** History events of type `*StateEntered`: the states entered, what Step Functions Standard bills as transitions. */
  statesEntered: number;
  /** Every history event, of any type. */
  historyEvents: number;
  eventTypes: Record<string, number>;
  /** Per function (local name): invocations and their summed wall time. */
  lambda: Record<string, { invocations: number; ms: number; billedMs: number; memoryMB: number; kind: FunctionKind | 'unknown' }>;
  /** Requests that reached an API route's function. */
  apiRequests: number;
  dynamodb: { requests: Record<string, number>; readUnits: number; writeUnits: number; withCapacity: number; total: number };
  /** S3 requests by operation; the size of every object PUT, by bucket; the presigned POSTs (uploads) and GETs (downloads) the people made. */
  s3: { requests: Record<string, number>; putSizes: Record<string, number[]>; presignedPosts: number; postBytes: number; presignedGets: number };
  /** Bytes the run added to the data table and the audit log, as DynamoDB bills storage (items, 100 bytes each, and their copies in each index). */
  tableBytes: number;
  sfn: Record<string, number>;
  verificationCodes: string[];
}

/** Summarises the meter's records between two points. */
export function tally(lambda: readonly LambdaCall[], sdk: readonly SdkCall[]): Pick<LifecycleRun, 'lambda' | 'apiRequests' | 'dynamodb' | 'sfn'> & { s3: Pick<LifecycleRun['s3'], 'requests' | 'putSizes'> } {
  const perFunction: LifecycleRun['lambda'] = {};
  for (const call of lambda) {
    const known = FUNCTIONS.get(call.fn);
    const entry = (perFunction[call.fn] ??= { invocations: 0, ms: 0, billedMs: 0, memoryMB: known?.memoryMB ?? DEFAULT_MEMORY_MB, kind: known?.kind ?? 'unknown' });
    entry.invocations++;
    entry.ms += call.ms;
    entry.billedMs += Math.ceil(call.ms);
  }
  const count = (service: SdkCall['service']) => {
    const ops: Record<string, number> = {};
    for (const call of sdk) if (call.service === service) ops[call.op] = (ops[call.op] ?? 0) + 1;
    return ops;
  };
  const dynamo = sdk.filter((call) => call.service === 'dynamodb');
  const putSizes: Record<string, number[]> = {};
  for (const call of sdk) if (call.service === 's3' && call.op === 'PutObject' && call.ok) (putSizes[call.bucket ?? '?'] ??= []).push(call.bytes ?? 0);
  return {
    lambda: perFunction,
    apiRequests: Object.values(perFunction).filter((f) => f.kind === 'api').reduce((sum, f) => sum + f.invocations, 0),
    dynamodb: {
      requests: count('dynamodb'),
      readUnits: dynamo.reduce((sum, call) => sum + (call.readUnits ?? 0), 0),
      writeUnits: dynamo.reduce((sum, call) => sum + (call.writeUnits ?? 0), 0),
      withCapacity: dynamo.filter((call) => call.readUnits !== undefined || call.writeUnits !== undefined).length,
      total: dynamo.length,
    },
    s3: { requests: count('s3'), putSizes },
    sfn: count('sfn'),
  };
}

/**
 * Drives one session from its creation to its sealed PV and released results through the HTTP
 * API, as people would: planning (2 jurors, `candidates` first attempts), intake (3 PDFs per
 * candidate through presigned POSTs), the jury's declarations, the exam day (check-in, oral with
 * its clock, grid filled and signed by both jurors), the PV signed by all, stamped and sealed,
 * then each candidate reads their result and downloads their document (the PDFs are made before
 * the clock starts). The bench waits on the
 * session item read directly (never polling the API), so every API request counted is a person's.
 * DynamoDB capacity is counted when {@link instrument} was installed with `consumedCapacity`.
 */
export async function runLifecycle(bench: BenchRuntime, candidates: number, tag: string): Promise<LifecycleRun> {
  const seen = instrument();
  const files = await deliverablesFor(Array.from({ length: candidates }, (_, n) => candidateUserId(tag, n)));
  const bytesBefore = await storedBytes(bench);
  const lambdaFrom = seen.lambda.length;
  const sdkFrom = seen.sdk.length;
  const phases = {} as LifecycleRun['phases'];
  let mark = performance.now();
  const started = mark;
  const phase = (name: (typeof PHASES)[number]) => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };
  const session = await planSession(bench, candidates, tag);
  phase('planning');
  const uploads = await uploadDeliverables(bench, session, files);
  phase('intake');
  await closeIntake(bench, session);
  phase('jury review');
  await runExamDay(bench, session);
  phase('exam day');
  await sealPv(bench, session);
  phase('PV and release');
  const outcomes = await readOutcomes(session);
  phase('outcomes');
  const ms = performance.now() - started;
  const item = await sessionItem(bench, session.sessionId);
  const events = await executionHistory(bench, item!.executionArn!);
  const eventTypes: Record<string, number> = {};
  for (const event of events) eventTypes[event.type!] = (eventTypes[event.type!] ?? 0) + 1;
  const counted = tally(seen.lambda.slice(lambdaFrom), seen.sdk.slice(sdkFrom));
  return {
    candidates,
    sessionId: session.sessionId,
    ms,
    phases,
    statesEntered: events.filter((event) => event.type?.endsWith('StateEntered')).length,
    historyEvents: events.length,
    eventTypes,
    ...counted,
    s3: { ...counted.s3, presignedPosts: uploads.posts, postBytes: uploads.bytes, presignedGets: outcomes.downloads },
    tableBytes: (await storedBytes(bench)) - bytesBefore,
    verificationCodes: outcomes.codes,
  };
}

/**
 * Runs lifecycles of these sizes one after another on one fresh runtime, after a 1-candidate
 * warm-up that loads every handler (its cold starts), so that each measured run is warm.
 */
export async function runLifecycles(sizes: number[]): Promise<LifecycleRun[]> {
  const bench = await startBenchRuntime();
  try {
    instrument({ consumedCapacity: true });
    await runLifecycle(bench, 1, 'warm-up');
    const runs: LifecycleRun[] = [];
    for (const [i, size] of sizes.entries()) runs.push(await runLifecycle(bench, size, `run${i}-${size}`));
    return runs;
  } finally {
    await bench.stop();
  }
}

const memo = new Map<number, Promise<LifecycleRun>>();

/**
 * The lifecycle runs of these sizes, each measured once per process and shared by the sections
 * that ask for it (P4, P5 and P7 read the same 20-candidate run); the missing sizes run together
 * in one worker process.
 */
export function lifecycleRuns(sizes: readonly number[]): Promise<LifecycleRun[]> {
  const missing = [...new Set(sizes)].filter((size) => !memo.has(size));
  if (missing.length > 0) {
    const batch = inWorker<LifecycleRun[]>(import.meta.url, 'runLifecycles', [missing]);
    missing.forEach((size, i) => memo.set(size, batch.then((runs) => runs[i]!)));
  }
  return Promise.all(sizes.map((size) => memo.get(size)!));
}

/** A positive integer from an environment variable, else the default. */
export function envInteger(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A list of positive integers from an environment variable (`1,5,20`), else the default. */
export function envIntegers(name: string, fallback: readonly number[]): number[] {
  const values = (process.env[name] ?? '').split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v > 0);
  return values.length > 0 ? values : [...fallback];
}
