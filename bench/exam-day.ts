/**
 * An exam day driven through the HTTP API on the local runtime, as people run it: the manager
 * checks every candidate in, a juror runs each oral's clock, the jury fills and signs each grid.
 *
 *   npm run bench:exam-day [-- candidates]      (default 20; a 5-candidate day runs first, to compare)
 *
 * Prints, per human step: p50 and p95 wall time of the HTTP call, and the DynamoDB requests it
 * made (the route's, and the workflow's asynchronous ones it set off); then the state
 * transitions of the day per candidate, read from the execution history, for both days: the
 * candidate loop is at the top level, so the count per candidate must not grow with the day.
 * Figures, not assertions: this machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CertiflowClient, type ApiResponse } from '../client/certiflow-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-aws';
import { startLocalRuntime, type LocalRuntime } from '../local/runtime';
import { referentialFor } from '../shared/domain';
import type { Role } from '../shared/wiring/roles';
import { attributeInvocations, installCounter, quiescent, requests, sleep } from './support/request-counter';

const DAY = 86_400_000;
const COMPETENCIES = referentialFor('RNCP34757').competencies.map((c) => c.code);

/** One human step's call: its wall time and the DynamoDB requests it made, by origin. */
interface Measure {
  step: string;
  ms: number;
  requests: number;
}

const measures: Measure[] = [];

async function step<T>(name: string, call: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  await quiescent(60);
  const from = requests.length;
  const started = performance.now();
  const response = await call();
  const ms = performance.now() - started;
  if (response.status >= 300) throw new Error(`${name}: ${response.status} ${JSON.stringify(response.error)}`);
  await quiescent(60);
  measures.push({ step: name, ms, requests: requests.length - from });
  return response;
}

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await read();
    if (accept(value)) return value;
    await sleep(25);
  }
  throw new Error('the workflow did not get there in time');
}

function day(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

/** Runs one exam day of `count` candidates; returns the state transitions of the day (from OpenExamDay on). */
async function examDay(runtime: LocalRuntime, count: number, tag: string): Promise<number> {
  const api = new CertiflowClient(runtime.urls.api);
  const as = async (roles: Role[], sub: string, centreId?: string) => api.as(await runtime.issuer.sign({ sub, roles, ...(centreId ? { centreId } : {}) }));
  const manager = await as(['managers'], `manager-${tag}`, `centre-${tag}`);
  const certifier = await as(['certifiers'], `certifier-${tag}`);
  const now = runtime.clock.now();
  const sessionId = (await manager.createSession({ titleCode: 'RNCP34757', sessionDate: day(now, 30), address: '1 rue du Banc, 69000 Lyon' })).data!.session.id;
  const jurors: CertiflowClient[] = [];
  for (const n of [1, 2]) {
    const created = await certifier.createJuror({
      userId: `juror-${tag}-${n}`,
      firstName: 'Juror',
      lastName: `Bench${n}`,
      email: `juror${n}.${tag}@bench.example.org`,
      profession: 'data engineer',
      yearsOfExperience: 5,
      habilitations: [{ issuedBy: 'Simplon', validFrom: day(now, -10), validUntil: day(now, 400) }],
    });
    await manager.assignJuror(sessionId, created.data!.juror.id);
    jurors.push(await as(['jurors'], `juror-${tag}-${n}`));
  }
  const registrations: string[] = [];
  for (let n = 0; n < count; n++) {
    const registered = await manager.registerCandidate(sessionId, { attempt: 'first', candidate: { userId: `cand-${tag}-${n}`, firstName: 'Candidate', lastName: `N${n}`, email: `c${n}.${tag}@bench.example.org` } });
    registrations.push(registered.data!.registration.id);
  }
  await until(() => manager.getSession(sessionId), (r) => r.data?.session.next.step === 'close-planning');
  await manager.closePlanning(sessionId);
  await until(() => manager.getSession(sessionId), (r) => r.data?.session.workflow?.currentStep === 'WaitForIntakeDeadline');
  runtime.clock.advance(26 * DAY);
  await until(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations');
  for (const juror of jurors) await juror.declareLinks(sessionId, { declarations: registrations.map((registrationId) => ({ registrationId, link: 'none' as const })) });
  const ready = await until(() => manager.getSession(sessionId), (r) => r.data?.session.workflow?.currentStep === 'WaitForExamDay' && r.data.session.status === 'ready-for-exam');
  const startsAt = new Date(ready.data!.session.examDay!.startsAt);
  runtime.clock.advance(startsAt.getTime() - 3_600_000 - runtime.clock.now().getTime());
  for (const registrationId of registrations) await step('check-in', () => manager.checkIn(sessionId, registrationId, { status: 'present' }));
  runtime.clock.advance(startsAt.getTime() - runtime.clock.now().getTime());

  const decisions = Object.fromEntries(COMPETENCIES.map((code) => [code, 'not_acquired' as const]));
  for (const registrationId of registrations) {
    await until(() => manager.getSession(sessionId), (r) => r.data?.session.pendingStep?.registrationId === registrationId);
    const started = await step('oral: start', () => jurors[0]!.runOral(sessionId, registrationId, 'start'));
    for (const segment of started.data!.exam.oral!.segments) {
      runtime.clock.advance(Math.max(0, new Date(segment.plannedEndAt).getTime() - runtime.clock.now().getTime()));
      await step('oral: end a segment', () => jurors[0]!.runOral(sessionId, registrationId, 'end-segment'));
    }
    const filled = await step('grid: fill', () => jurors[1]!.fillGrid(sessionId, registrationId, { decisions, reasons: 'the deliverables are missing', recommendations: 'hand them in' }));
    await step('grid: sign', () => jurors[0]!.signGrid(sessionId, registrationId, filled.data!.grid.hash!));
    await step('grid: last signature (deliberates)', () => jurors[1]!.signGrid(sessionId, registrationId, filled.data!.grid.hash!));
  }
  const closed = await until(() => manager.getSession(sessionId), (r) => r.data?.session.workflow?.currentStep === 'WaitForPvSeal');
  const sfn = new SFNClient({ endpoint: runtime.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: closed.data!.session.workflow?.executionArn, nextToken }));
    for (const event of page.events ?? []) if (event.stateEnteredEventDetails?.name) names.push(event.stateEnteredEventDetails.name);
    nextToken = page.nextToken;
  } while (nextToken);
  return names.slice(names.indexOf('OpenExamDay')).length;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20);
  if (!Number.isInteger(count) || count < 1 || count > 90) throw new Error('usage: npm run bench:exam-day -- [candidates, 1 to 90]');
  const dataDir = mkdtempSync(join(tmpdir(), 'certiflow-bench-day-'));
  attributeInvocations();
  const runtime = await startLocalRuntime({ dataDir, ports: { api: 0, dynamodb: 0, s3: 0, stepFunctions: 0 }, logLevel: 'CRITICAL' });
  try {
    installCounter();
    const small = 5;
    const smallTransitions = await examDay(runtime, small, 'small');
    measures.length = 0;
    const transitions = await examDay(runtime, count, 'day');
    const steps = [...new Set(measures.map((m) => m.step))];
    console.log(`\nExam day of ${count} candidates, 2 jurors, on the local runtime (${new Date().toISOString().slice(0, 10)})\n`);
    console.log('| Human step | Calls | p50 ms | p95 ms | DynamoDB requests per call (median, route + workflow) |');
    console.log('|---|---:|---:|---:|---:|');
    for (const name of steps) {
      const seen = measures.filter((m) => m.step === name);
      const ms = seen.map((m) => m.ms).sort((a, b) => a - b);
      const reqs = seen.map((m) => m.requests).sort((a, b) => a - b);
      console.log(`| ${name} | ${seen.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 95).toFixed(1)} | ${percentile(reqs, 50)} |`);
    }
    console.log(`\nState transitions of the day (states entered from OpenExamDay to WaitForPvSeal):`);
    console.log(`- ${small} candidates: ${smallTransitions} (${((smallTransitions - 5) / small).toFixed(2)} per candidate, beside the 5 that open and close the day)`);
    console.log(`- ${count} candidates: ${transitions} (${((transitions - 5) / count).toFixed(2)} per candidate, beside the 5 that open and close the day)`);
  } finally {
    await quiescent().catch(() => undefined);
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
