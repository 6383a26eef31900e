/**
 * Counts the DynamoDB requests each HTTP route makes, and the requests the lifecycle
 * workflow's task Lambdas make after it, on the local runtime.
 *
 *   npx tsx bench/dynamodb-requests.ts [runs]      (default: 5 runs of the scenario)
 *
 * How it counts: a middleware on the shared DynamoDB client (`dynamoDb()`, the one every
 * handler and Powertools Idempotency use; lib-dynamodb's document client shares the
 * underlying client's middleware stack) records each command at the `initialize` step, with
 * the SDK's attempt count once it completes. The API handlers and the Step Functions task
 * Lambdas run in this process, so the middleware sees them all. Each request is attributed to
 * the function that made it: the bench wraps the local `LambdaHost.invoke` in an
 * AsyncLocalStorage scope named after the invoked function, so requests made by a state
 * machine task (or an S3 event handler) are reported apart from the route, even when they run
 * while the route's response is still on its way. After every call the
 * scenario waits until DynamoDB has been idle for a short while, so that the workflow's
 * asynchronous steps never race the next call.
 *
 * Wall times are medians over the runs, measured by the client around each HTTP call, on
 * DynamoDB Local (Java): a figure to compare routes with each other, not AWS latencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CertiflowClient, type ApiResponse } from '../client/certiflow-client';
import { startLocalRuntime, type LocalRuntime } from '../local/runtime';
import { dynamoDb } from '../shared/adapters/aws/dynamodb-client';
import { keys } from '../shared/adapters/dynamodb-keys';
import { ROUTES, routeKey } from '../shared/wiring/routes';
import type { Role } from '../shared/wiring/roles';
import { median } from './support/stats';
import { attributeInvocations, installCounter, OPERATIONS, quiescent, requests, sleep, type Request } from './support/request-counter';

/** What one measured call did. */
interface Observation {
  label: string;
  route: string;
  status: number;
  ms: number;
  api: Record<string, number>;
  workflow: Record<string, Record<string, number>>;
  attempts: number;
  calls: number;
}

const observations: Observation[] = [];

function tally(seen: readonly Request[]): Pick<Observation, 'api' | 'workflow' | 'attempts' | 'calls'> {
  const api: Record<string, number> = {};
  const workflow: Record<string, Record<string, number>> = {};
  for (const request of seen) {
    if (request.origin === 'api') api[request.op] = (api[request.op] ?? 0) + 1;
    else (workflow[request.origin] ??= {})[request.op] = (workflow[request.origin]![request.op] ?? 0) + 1;
  }
  return { api, workflow, attempts: seen.reduce((sum, r) => sum + r.attempts, 0), calls: seen.length };
}

/**
 * Runs one HTTP call, waits for DynamoDB to be idle, and records the requests made meanwhile
 * (by the route, and by workflow steps it set off). `route` is `METHOD path` from ROUTES.
 */
async function measure<T>(label: string, route: string, expected: number, call: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  await quiescent();
  const from = requests.length;
  const started = performance.now();
  const response = await call();
  const ms = performance.now() - started;
  if (response.status !== expected) {
    throw new Error(`${label}: expected ${expected}, got ${response.status} ${JSON.stringify(response.error)}`);
  }
  await quiescent();
  observations.push({ label, route, status: response.status, ms, ...tally(requests.slice(from)) });
  return response;
}

/** A call whose requests are not reported (setup, or waiting for the workflow). */
async function unmeasured<T>(call: () => Promise<T>): Promise<T> {
  await quiescent();
  const result = await call();
  await quiescent();
  return result;
}

function day(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function tag(): string {
  return randomUUID().slice(0, 8);
}

const R = Object.fromEntries(ROUTES.map((route) => [route.id, routeKey(route)])) as Record<string, string>;

/** Checks that the counter sees real requests: one direct GetItem, and GET /jurors/{id} = one GetItem. */
async function checkCounter(runtime: LocalRuntime, certifier: CertiflowClient, jurorId: string): Promise<string[]> {
  const lines: string[] = [];
  await quiescent();
  const before = requests.length;
  await dynamoDb().send(new GetCommand({ TableName: runtime.resources.tableName, Key: keys.juror(jurorId) }));
  const direct = requests.slice(before);
  if (direct.length !== 1 || direct[0]!.op !== 'GetItem') throw new Error(`counter check: a direct GetCommand was counted as ${JSON.stringify(direct)}`);
  lines.push('a direct GetCommand on the shared client is counted as exactly 1 GetItem');
  await measure('counter check', R.GetJuror!, 200, () => certifier.getJuror(jurorId));
  const seen = observations.pop()!;
  if (seen.calls !== 1 || seen.api.GetItem !== 1) throw new Error(`counter check: GET /jurors/{id} was counted as ${JSON.stringify(seen.api)}, expected 1 GetItem`);
  lines.push('GET /jurors/{jurorId} (one GetItem in DynamoDbJurorRegistry.get) is counted as exactly 1 GetItem');
  return lines;
}

async function scenario(runtime: LocalRuntime, anonymous: CertiflowClient, as: (roles: Role[], sub: string, centreId?: string) => Promise<CertiflowClient>): Promise<void> {
  const now = runtime.clock.now();
  const centreId = `centre-${tag()}`;
  const manager = await as(['managers'], `manager-${tag()}`, centreId);
  const certifier = await as(['certifiers'], `certifier-${tag()}`);
  const quality = await as(['quality'], `quality-${tag()}`);
  const jurorUser = `juror-${tag()}`;
  const jurorClient = await as(['jurors'], jurorUser);
  const candidateUser = `cand-${tag()}`;
  const candidateClient = await as(['candidates'], candidateUser);

  await measure('health', R.Health!, 200, () => anonymous.health());
  await measure('openapi', R.OpenApi!, 200, () => anonymous.openApi());

  const sessionBody = () => ({
    titleCode: 'RNCP34757',
    sessionDate: day(now, 90),
    address: '12 rue des Lilas, 69001 Lyon',
    cohort: { name: 'Promo IA', startDate: day(now, -300), prairieEnd: day(now, -270) },
  });
  const created = await measure('no key', R.CreateSession!, 201, () => manager.createSession(sessionBody()));
  const sessionId = created.data!.session.id;
  const sessionKey = randomUUID();
  const body2 = sessionBody();
  const created2 = await measure('Idempotency-Key', R.CreateSession!, 201, () => manager.createSession(body2, { idempotencyKey: sessionKey }));
  const blockedSessionId = created2.data!.session.id;
  await measure('replay of the same key', R.CreateSession!, 201, () => manager.createSession(body2, { idempotencyKey: sessionKey }));

  const jurorBody = (userId?: string) => {
    const t = tag();
    return {
      ...(userId ? { userId } : {}),
      firstName: 'Camille',
      lastName: `Durand-${t}`,
      email: `camille.${t}@example.org`,
      profession: 'AI developer',
      yearsOfExperience: 6,
      habilitations: [{ issuedBy: 'Simplon', validFrom: day(now, -365), validUntil: day(now, 730) }],
    };
  };
  const juror1 = (await measure('no key, with userId', R.CreateJuror!, 201, () => certifier.createJuror(jurorBody(jurorUser)))).data!.juror;
  const jurorKey = randomUUID();
  const juror2Body = jurorBody();
  const juror2 = (await measure('Idempotency-Key, no userId', R.CreateJuror!, 201, () => certifier.createJuror(juror2Body, { idempotencyKey: jurorKey }))).data!.juror;
  await measure('replay of the same key', R.CreateJuror!, 201, () => certifier.createJuror(juror2Body, { idempotencyKey: jurorKey }));
  await measure('as the certifier', R.GetJuror!, 200, () => certifier.getJuror(juror1.id));
  const habilitation = { issuedBy: 'Simplon', validFrom: day(now, 700), validUntil: day(now, 1400) };
  await measure('no key', R.AddHabilitation!, 201, () => certifier.addHabilitation(juror1.id, habilitation));
  const habilitationKey = randomUUID();
  await measure('Idempotency-Key', R.AddHabilitation!, 201, () => certifier.addHabilitation(juror2.id, habilitation, { idempotencyKey: habilitationKey }));
  await measure('replay of the same key', R.AddHabilitation!, 201, () => certifier.addHabilitation(juror2.id, habilitation, { idempotencyKey: habilitationKey }));

  await measure('', R.SetTrainers!, 200, () =>
    manager.setTrainers(sessionId, { trainers: [{ firstName: 'Théo', lastName: 'Formateur', email: `theo.${tag()}@example.org` }] }),
  );
  await measure('no key', R.AssignJuror!, 201, () => manager.assignJuror(sessionId, juror1.id));
  const assignKey = randomUUID();
  await measure('Idempotency-Key', R.AssignJuror!, 201, () => manager.assignJuror(sessionId, juror2.id, { idempotencyKey: assignKey }));
  await measure('replay of the same key', R.AssignJuror!, 201, () => manager.assignJuror(sessionId, juror2.id, { idempotencyKey: assignKey }));
  await measure('juror already assigned, no key', R.AssignJuror!, 201, () => manager.assignJuror(sessionId, juror1.id));

  const candidate = (userId = `cand-${tag()}`) => ({ userId, firstName: 'Alice', lastName: `Martin-${tag()}`, email: `alice.${tag()}@example.org` });
  const registration = (
    await measure('no key', R.RegisterCandidate!, 201, () => manager.registerCandidate(sessionId, { attempt: 'first', candidate: candidate(candidateUser) }))
  ).data!.registration;
  const registerKey = randomUUID();
  const retakeBody = {
    attempt: 'retake' as const,
    candidate: candidate(),
    previouslyValidatedBlocks: ['A1', 'A2'],
    previousSessionDate: day(now, -240),
    newTraining: false,
  };
  await measure('Idempotency-Key (retake)', R.RegisterCandidate!, 201, () => manager.registerCandidate(sessionId, retakeBody, { idempotencyKey: registerKey }));
  await measure('replay of the same key', R.RegisterCandidate!, 201, () => manager.registerCandidate(sessionId, retakeBody, { idempotencyKey: registerKey }));
  await measure('', R.SetAccommodation!, 200, () =>
    manager.setAccommodation(sessionId, registration.id, { extraMinutes: 30, justification: 'tiers-temps, avis du médecin du 3 mars' }),
  );

  const current = await measure('as manager (2 jurors)', R.GetSession!, 200, () => manager.getSession(sessionId));
  const version = current.data!.session.version;
  await measure('If-Match current', R.UpdateSession!, 200, () => manager.updateSession(sessionId, { address: '14 rue des Lilas, 69001 Lyon' }, { ifMatch: version }));
  await measure('If-Match stale (409)', R.UpdateSession!, 409, () => manager.updateSession(sessionId, { remote: true }, { ifMatch: version }));

  const distribution = { ruleId: 'DIST-1' as const, distributedOn: day(now, 0), recipients: 'the cohort mailing list' };
  await measure('no key', R.RecordDistribution!, 201, () => manager.recordDistribution(sessionId, distribution));
  const distributionKey = randomUUID();
  const distribution2 = { ...distribution, ruleId: 'DIST-2' as const };
  await measure('Idempotency-Key', R.RecordDistribution!, 201, () => manager.recordDistribution(sessionId, distribution2, { idempotencyKey: distributionKey }));
  await measure('replay of the same key', R.RecordDistribution!, 201, () => manager.recordDistribution(sessionId, distribution2, { idempotencyKey: distributionKey }));

  await measure('as juror on the jury', R.GetSession!, 200, () => jurorClient.getSession(sessionId));
  await measure('as manager, by centre (GSI1)', R.ListSessions!, 200, () => manager.listSessions({ from: day(now, 1) }));
  await measure('as manager, by status (GSI2)', R.ListSessions!, 200, () => manager.listSessions({ status: 'planning' }));
  await measure('as quality, centreId', R.ListSessions!, 200, () => quality.listSessions({ centreId }));
  await measure('as juror', R.ListSessions!, 200, () => jurorClient.listSessions());
  await measure('as manager', R.ListRegistrations!, 200, () => manager.listRegistrations(sessionId));
  await measure('as juror on the jury', R.ListRegistrations!, 200, () => jurorClient.listRegistrations(sessionId));
  await measure('as manager', R.GetRegistration!, 200, () => manager.getRegistration(sessionId, registration.id));
  await measure('as the candidate', R.GetRegistration!, 200, () => candidateClient.getRegistration(sessionId, registration.id));
  await measure('', R.MyRegistrations!, 200, () => candidateClient.myRegistrations());
  await measure('as manager', R.DistributionStatus!, 200, () => manager.distributionStatus(sessionId));

  const closeKey = randomUUID();
  await measure('blocked by JURY-1 (422), Idempotency-Key', R.ClosePlanning!, 422, () => manager.closePlanning(blockedSessionId, { idempotencyKey: closeKey }));
  await measure('blocked again, same blockers (422), no key', R.ClosePlanning!, 422, () => manager.closePlanning(blockedSessionId));
  await measure('accepted, no key (workflow opens intake)', R.ClosePlanning!, 200, () => manager.closePlanning(sessionId));
  await unmeasured(async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const read = await manager.getSession(sessionId);
      if (read.data?.session.status === 'intake') return;
      if (Date.now() > deadline) throw new Error(`session ${sessionId} did not reach intake: ${JSON.stringify(read.data?.session ?? read.error)}`);
      await sleep(100);
    }
  });
  await measure('in intake, as manager', R.GetSession!, 200, () => manager.getSession(sessionId));

  const uploadPath = `/sessions/${sessionId}/candidates/${registration.id}/deliverables/project-report/uploads`;
  await measure('as the candidate, no key', R.RequestUpload!, 201, () => candidateClient.request('POST', uploadPath));
  const uploadKey = randomUUID();
  await measure('Idempotency-Key', R.RequestUpload!, 201, () => candidateClient.request('POST', uploadPath, undefined, { idempotencyKey: uploadKey }));
  await measure('replay of the same key', R.RequestUpload!, 201, () => candidateClient.request('POST', uploadPath, undefined, { idempotencyKey: uploadKey }));
  await measure('as the candidate', R.DeliverableStatus!, 200, () => candidateClient.request('GET', `/sessions/${sessionId}/candidates/${registration.id}/deliverables`));
  await measure('as manager', R.IntakeSummary!, 200, () => manager.request('GET', `/sessions/${sessionId}/intake`));
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => OPERATIONS.indexOf(a as (typeof OPERATIONS)[number]) - OPERATIONS.indexOf(b as (typeof OPERATIONS)[number]))
    .map(([op, n]) => `${n} ${op}`)
    .join(' + ');
}

function report(runs: number, checks: readonly string[]): void {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = `${observation.route}\u0000${observation.label}`;
    groups.set(key, [...(groups.get(key) ?? []), observation]);
  }
  const columns = ['Route', 'Case', 'Status', ...OPERATIONS.map((op) => op.replace('TransactWriteItems', 'TransactWrite')), 'Total', 'Workflow after (async)', 'Median ms'];
  const rows: string[][] = [];
  const unstable: string[] = [];
  const workflowSteps = new Map<string, Set<string>>();
  for (const [key, seen] of groups) {
    const [route, label] = key.split('\u0000') as [string, string];
    const signature = (o: Observation) => JSON.stringify([o.api, o.workflow]);
    if (new Set(seen.map(signature)).size > 1) unstable.push(`${route} ${label}: ${[...new Set(seen.map(signature))].join(' | ')}`);
    const first = seen[0]!;
    const workflow = Object.entries(first.workflow).map(([step, counts]) => {
      const text = formatCounts(counts);
      workflowSteps.set(step, (workflowSteps.get(step) ?? new Set()).add(text));
      return `${step}: ${text}`;
    });
    rows.push([
      route,
      label,
      String(first.status),
      ...OPERATIONS.map((op) => (first.api[op] ? String(first.api[op]) : '·')),
      String(Object.values(first.api).reduce((sum, n) => sum + n, 0)),
      workflow.join('; ') || '—',
      median(seen.map((o) => o.ms)).toFixed(1),
    ]);
  }
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i]!.length)));
  const numeric = (i: number) => i >= 2 && i !== columns.length - 2;
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => pad(cell, widths[i]!, numeric(i))).join(' | ')} |`;
  console.log(`\nDynamoDB requests per API call (${runs} run(s); counts from the first run, identical in every run unless listed below)\n`);
  console.log(line(columns));
  console.log(`|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : `-${'-'.repeat(w + 1)}`)).join('|')}|`);
  for (const row of rows) console.log(line(row));

  console.log('\nWorkflow steps (Step Functions task Lambdas, after the API call returned):\n');
  for (const [step, variants] of workflowSteps) console.log(`- ${step}: ${[...variants].join(' / ')}`);

  const retried = observations.filter((o) => o.attempts !== o.calls);
  console.log('\nChecks:');
  for (const check of checks) console.log(`- ${check}`);
  console.log(`- SDK-level retries: ${retried.length === 0 ? 'none (every command took exactly 1 HTTP attempt)' : retried.map((o) => `${o.route} ${o.label}: ${o.attempts} attempts for ${o.calls} commands`).join('; ')}`);
  const uncovered = ROUTES.map(routeKey).filter((key) => !observations.some((o) => o.route === key));
  console.log(`- routes not exercised: ${uncovered.length === 0 ? 'none' : uncovered.join(', ')}`);
  console.log(`- counts that varied between runs: ${unstable.length === 0 ? 'none' : `\n  ${unstable.join('\n  ')}`}`);
  const stray = observations.filter((o) => Object.keys(o.workflow).includes('bench'));
  if (stray.length > 0) console.log(`- requests made outside any Lambda invocation: ${stray.map((o) => `${o.route} ${o.label}`).join(', ')}`);
}

/** An API call and the DynamoDB requests its route made (by operation), from the first run of the scenario. */
export interface RouteRequests {
  label: string;
  route: string;
  requests: Record<string, number>;
}

/**
 * Runs the scenario `runs` times (after a warm-up) on a fresh local runtime and returns what
 * each API call's route made, with the counter's own checks. Requests of the workflow steps
 * the call set off are not included: they are the steps', not the route's.
 */
export async function countRouteRequests(runs: number): Promise<{ calls: RouteRequests[]; checks: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'certiflow-bench-'));
  attributeInvocations();
  const runtime = await startLocalRuntime({ dataDir, ports: { api: 0, dynamodb: 0, s3: 0, stepFunctions: 0 }, logLevel: 'CRITICAL' });
  try {
    installCounter();
    const anonymous = new CertiflowClient(runtime.urls.api);
    const as = async (roles: Role[], sub: string, centreId?: string) =>
      anonymous.as(await runtime.issuer.sign({ sub, roles, ...(centreId ? { centreId } : {}) }));

    // Warm-up: loads every handler module once (their cold start) so that timings compare warm calls.
    await scenario(runtime, anonymous, as);
    observations.length = 0;

    const certifier = await as(['certifiers'], 'certifier-check');
    const now = runtime.clock.now();
    const juror = await unmeasured(() =>
      certifier.createJuror({
        firstName: 'Check',
        lastName: 'Counter',
        email: `check.${tag()}@example.org`,
        profession: 'AI developer',
        yearsOfExperience: 3,
        habilitations: [{ issuedBy: 'Simplon', validFrom: day(now, -1), validUntil: day(now, 365) }],
      }),
    );
    const checks = await checkCounter(runtime, certifier, juror.data!.juror.id);

    for (let run = 0; run < runs; run++) await scenario(runtime, anonymous, as);
    const perRun = observations.length / runs;
    return { calls: observations.slice(0, perRun).map((o) => ({ label: o.label, route: o.route, requests: o.api })), checks };
  } finally {
    await quiescent().catch(() => undefined);
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: npx tsx bench/dynamodb-requests.ts [runs ≥ 1]');
  const { checks } = await countRouteRequests(runs);
  report(runs, checks);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
