import { randomUUID } from 'node:crypto';
import { dataOf, type CertiflowClient } from '../../client/certiflow-client';
import type { SessionRecord } from '../../shared/use-cases/sessions/records';
import type { BenchSection, Figure } from '../support/figure';
import {
  advanceTo,
  candidateUserId,
  closeIntake,
  deliverablesFor,
  envInteger,
  executionHistory,
  instrument,
  planSession,
  runExamDay,
  sealPv,
  sessionItem,
  startBenchRuntime,
  uploadDeliverables,
  type BenchRuntime,
  type SdkCall,
} from '../support/lifecycle';
import { inWorker } from '../support/worker';

/**
 * Quotas of one AWS account in eu-west-3 that a national wave meets, as the Step Functions, Lambda
 * and API Gateway guides give them (docs/scale.md cites each). Step Functions' table for regions
 * other than us-east-1, us-west-2 and eu-west-1 is taken from the last version of the guide that
 * could be read here (2021); later versions may give higher refill rates.
 */
export const AWS_QUOTAS = {
  startExecutionRefillPerSecond: 150,
  startExecutionBucket: 800,
  stateTransitionRefillPerSecond: 500,
  stateTransitionBucket: 800,
  describeExecutionRefillPerSecond: 10,
  getExecutionHistoryRefillPerSecond: 20,
  lambdaConcurrency: 1000,
  httpApiStageRatePerSecond: 50,
} as const;

/** The national wave the figures are scaled to: sessions on one deployment, candidates each. */
export const WAVE = { sessions: 500, candidates: 20 } as const;

async function pool<T, R>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

async function waitAll(bench: BenchRuntime, sessionIds: readonly string[], accept: (session: SessionRecord) => boolean, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(sessionIds);
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const session = await sessionItem(bench, id);
      if (session && accept(session)) pending.delete(id);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending.size} sessions never reached ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** States entered by these executions at or after a (virtual) instant. */
async function transitionsSince(bench: BenchRuntime, sessions: readonly SessionRecord[], since: Date): Promise<number> {
  let count = 0;
  for (const session of sessions) {
    const events = await executionHistory(bench, session.executionArn!);
    count += events.filter((event) => event.type?.endsWith('StateEntered') && event.timestamp && event.timestamp.getTime() >= since.getTime()).length;
  }
  return count;
}

/** The key that holds the largest share of these writes, and that share. */
function hottest(keysWritten: readonly string[]): { key: string; share: number; distinct: number } {
  const counts = new Map<string, number>();
  for (const key of keysWritten) counts.set(key, (counts.get(key) ?? 0) + 1);
  const [key, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { key, share: keysWritten.length ? n / keysWritten.length : 0, distinct: counts.size };
}

function shape(key: string): string {
  return key.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
}

/**
 * Runs a small wave on the local runtime in this process: `sessions` sessions of `candidates`
 * candidates on the same date, 5 per centre, 2 jurors each, every POST with an Idempotency-Key
 * as a browser would send. Measures the StartExecution rate of their creation at once, the
 * transitions and Lambda concurrency of the two instants they share (the intake deadline, 00:00
 * D−5, and the exam day's start), the GET /sessions/{id} rate under 20 concurrent readers, and the
 * spread of the DynamoDB writes over partition keys.
 */
export async function measureScale(sessions: number, candidates: number): Promise<Figure[]> {
  const bench = await startBenchRuntime();
  try {
    const meter = instrument();
    const files = await deliverablesFor([candidateUserId('warm-up', 0)]);
    const warm = await planSession(bench, 1, 'warm-up');
    await uploadDeliverables(bench, warm, files);
    await closeIntake(bench, warm);
    await runExamDay(bench, warm);
    await sealPv(bench, warm);

    const from = meter.sdk.length;
    const now = bench.runtime.clock.now();
    const sessionDate = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const centres = Math.ceil(sessions / 5);
    const managers: CertiflowClient[] = [];
    for (let c = 0; c < centres; c++) managers.push(await bench.as(['managers'], `manager-wave-${c}`, `centre-wave-${c}`));
    const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const jurors = await pool(Array.from({ length: sessions * 2 }, (_, j) => j), 8, async (j) => {
      const userId = `juror-wave-${j}`;
      const juror = dataOf('create juror', await bench.certifier.createJuror({ userId, firstName: 'Camille', lastName: `Vague-${j}`, email: `juror${j}@wave.example.org`, profession: j % 2 ? 'data engineer' : 'AI developer', yearsOfExperience: 6, habilitations: [{ issuedBy: 'Simplon', validFrom: day(-365), validUntil: day(730) }] }, { idempotencyKey: randomUUID() })).juror;
      return { id: juror.id, client: await bench.as(['jurors'], userId) };
    });

    const startFrom = meter.sdk.length;
    const createdAt = performance.now();
    const sessionIds = await Promise.all(
      Array.from({ length: sessions }, async (_, s) => dataOf('create session', await managers[s % centres]!.createSession({ titleCode: 'RNCP34757', sessionDate, address: `${s + 1} rue de la Vague, 69000 Lyon` }, { idempotencyKey: randomUUID() })).session.id),
    );
    const createMs = performance.now() - createdAt;
    const starts = meter.sdk.slice(startFrom).filter((call) => call.service === 'sfn' && call.op === 'StartExecution' && call.ok);
    const startSpan = (Math.max(...starts.map((c) => c.endedAt)) - Math.min(...starts.map((c) => c.startedAt))) / 1000;
    await waitAll(bench, sessionIds, (s) => s.pendingStep?.step === 'planning', 'WaitForPlanning');

    const registrations = await pool(sessionIds, 8, async (sessionId, s) => {
      const manager = managers[s % centres]!;
      for (const juror of jurors.slice(2 * s, 2 * s + 2)) dataOf('assign juror', await manager.assignJuror(sessionId, juror.id, { idempotencyKey: randomUUID() }));
      const ids: string[] = [];
      for (let n = 0; n < candidates; n++) {
        const userId = `cand-wave-${s}-${n}`;
        ids.push(dataOf('register', await manager.registerCandidate(sessionId, { attempt: 'first', candidate: { userId, firstName: 'Noé', lastName: `Vague-${s}-${n}`, email: `c${s}-${n}@wave.example.org` } }, { idempotencyKey: randomUUID() })).registration.id);
      }
      dataOf('close planning', await manager.closePlanning(sessionId, { idempotencyKey: randomUUID() }));
      return ids;
    });
    await waitAll(bench, sessionIds, (s) => s.status === 'intake' && Boolean(s.intake), 'intake');

    const burst = async (instant: Date, accept: (s: SessionRecord) => boolean, what: string) => {
      meter.peakInFlight = meter.inFlight;
      const lambdaFrom = meter.lambda.length;
      advanceTo(bench, instant);
      const started = performance.now();
      await waitAll(bench, sessionIds, accept, what);
      const seconds = (performance.now() - started) / 1000;
      const items = await Promise.all(sessionIds.map(async (id) => (await sessionItem(bench, id))!));
      const transitions = await transitionsSince(bench, items, instant);
      return { seconds, transitions, peak: meter.peakInFlight, invocations: meter.lambda.length - lambdaFrom, items };
    };
    const closesAt = new Date((await sessionItem(bench, sessionIds[0]!))!.intake!.closesAt);
    const deadline = await burst(closesAt, (s) => s.pendingStep?.step === 'declarations', 'WaitForConflictDeclarations');

    await pool(sessionIds, 8, async (sessionId, s) => {
      for (const juror of jurors.slice(2 * s, 2 * s + 2)) dataOf('declare', await juror.client.declareLinks(sessionId, { declarations: registrations[s]!.map((registrationId) => ({ registrationId, link: 'none' as const })) }));
    });
    await waitAll(bench, sessionIds, (s) => s.status === 'ready-for-exam' && Boolean(s.examDay?.startsAt), 'WaitForExamDay');
    const startsAt = new Date((await sessionItem(bench, sessionIds[0]!))!.examDay!.startsAt);
    const opening = await burst(startsAt, (s) => s.pendingStep?.step === 'candidate', 'the first candidate called');

    const readFrom = meter.sdk.length;
    let reads = 0;
    const readUntil = performance.now() + 3000;
    const readStarted = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async (_, r) => {
        while (performance.now() < readUntil) {
          const s = (r + reads) % sessions;
          dataOf('get session', await managers[s % centres]!.getSession(sessionIds[s]!));
          reads++;
        }
      }),
    );
    const readSeconds = (performance.now() - readStarted) / 1000;
    const describes = meter.sdk.slice(readFrom).filter((call) => call.service === 'sfn' && call.op === 'DescribeExecution').length;

    const writes = meter.sdk.slice(from).filter((call): call is SdkCall & { writes: NonNullable<SdkCall['writes']> } => call.service === 'dynamodb' && call.ok && Boolean(call.writes));
    const keysWritten = writes.flatMap((call) => call.writes);
    const table = hottest(keysWritten.filter((w) => w.table === bench.runtime.resources.tableName).map((w) => w.pk));
    const audit = hottest(keysWritten.filter((w) => w.table === bench.runtime.resources.auditTableName).map((w) => w.pk));
    const gsi1 = hottest(keysWritten.flatMap((w) => (w.gsi.GSI1PK ? [w.gsi.GSI1PK] : [])));
    const gsi2 = hottest(keysWritten.flatMap((w) => (w.gsi.GSI2PK ? [w.gsi.GSI2PK] : [])));

    const perSessionDeadline = deadline.transitions / sessions;
    const perSessionOpening = opening.transitions / sessions;
    const invocationsPerSessionDeadline = deadline.invocations / sessions;
    const even = 100 / sessions;
    const spread = (what: string, hot: ReturnType<typeof hottest>): Figure => ({
      section: 'P8',
      name: `${what}: largest share of writes on one partition key (${shape(hot.key)}; ${hot.distinct} keys written, local wave)`,
      value: hot.share * 100,
      baseline: even,
      unit: '%',
      baselineName: `an even spread over the ${sessions} sessions`,
    });
    return [
      {
        section: 'P8',
        name: `StartExecution accepted per second, ${sessions} sessions created at once (local; ${starts.length} started in ${(createMs / 1000).toFixed(1)} s)`,
        value: starts.length / startSpan,
        baseline: AWS_QUOTAS.startExecutionRefillPerSecond,
        unit: '/s',
        baselineName: `AWS StartExecution refill rate, eu-west-3 (bucket ${AWS_QUOTAS.startExecutionBucket}; soft)`,
      },
      {
        section: 'P8',
        name: `state transitions per second, the shared intake deadline of ${sessions} sessions (local; ${deadline.transitions} in ${deadline.seconds.toFixed(1)} s)`,
        value: deadline.transitions / deadline.seconds,
        baseline: AWS_QUOTAS.stateTransitionRefillPerSecond,
        unit: '/s',
        baselineName: `AWS StateTransition refill rate, eu-west-3 (bucket ${AWS_QUOTAS.stateTransitionBucket}; soft)`,
      },
      {
        section: 'P8',
        name: `state transitions per second, the shared exam-day start of ${sessions} sessions (local; ${opening.transitions} in ${opening.seconds.toFixed(1)} s)`,
        value: opening.transitions / opening.seconds,
        baseline: AWS_QUOTAS.stateTransitionRefillPerSecond,
        unit: '/s',
        baselineName: `AWS StateTransition refill rate, eu-west-3 (bucket ${AWS_QUOTAS.stateTransitionBucket}; soft)`,
      },
      {
        section: 'P8',
        name: `peak concurrent Lambda invocations at the shared intake deadline (local, ${sessions} sessions)`,
        value: deadline.peak,
        baseline: AWS_QUOTAS.lambdaConcurrency,
        unit: 'invocations',
        baselineName: 'Lambda concurrent executions per account and region (default; soft; lower on new accounts)',
      },
      {
        section: 'P8',
        name: `national wave (${WAVE.sessions} sessions): transitions due at the shared intake deadline (${perSessionDeadline.toFixed(1)} per session, measured)`,
        value: WAVE.sessions * perSessionDeadline,
        baseline: AWS_QUOTAS.stateTransitionBucket,
        unit: 'transitions',
        baselineName: `AWS StateTransition bucket, eu-west-3 (beyond it, ${AWS_QUOTAS.stateTransitionRefillPerSecond}/s)`,
      },
      {
        section: 'P8',
        name: `national wave (${WAVE.sessions} sessions): transitions due at the shared exam-day start (${perSessionOpening.toFixed(1)} per session, measured)`,
        value: WAVE.sessions * perSessionOpening,
        baseline: AWS_QUOTAS.stateTransitionBucket,
        unit: 'transitions',
        baselineName: `AWS StateTransition bucket, eu-west-3 (beyond it, ${AWS_QUOTAS.stateTransitionRefillPerSecond}/s)`,
      },
      {
        section: 'P8',
        name: `national wave (${WAVE.sessions} sessions): Lambda invocations started at the shared intake deadline (${invocationsPerSessionDeadline.toFixed(1)} per session, measured)`,
        value: WAVE.sessions * invocationsPerSessionDeadline,
        baseline: AWS_QUOTAS.lambdaConcurrency,
        unit: 'invocations',
        baselineName: 'Lambda concurrent executions (default; the upper bound if they all overlap)',
      },
      {
        section: 'P8',
        name: `GET /sessions/{id} served per second, 20 concurrent readers (local; ${reads} reads, ${(describes / Math.max(reads, 1)).toFixed(1)} DescribeExecution each)`,
        value: reads / readSeconds,
        baseline: AWS_QUOTAS.describeExecutionRefillPerSecond,
        unit: '/s',
        baselineName: `AWS DescribeExecution refill rate, eu-west-3, per account (GetExecutionHistory: ${AWS_QUOTAS.getExecutionHistoryRefillPerSecond}/s); every GET /sessions/{id} calls both`,
      },
      spread('data table', table),
      spread('GSI1', gsi1),
      spread('GSI2', gsi2),
      spread('audit table', audit),
    ];
  } finally {
    await bench.stop();
  }
}

/**
 * P8: a national wave (500 sessions × 20 candidates on one deployment) scaled down to what the
 * local runtime runs in a minute or two: `CERTIFLOW_BENCH_P8_SESSIONS` (default 50) sessions of
 * `CERTIFLOW_BENCH_P8_CANDIDATES` (default 2) candidates, measured rates against the AWS quotas
 * they are to be compared with, and the per-session load at the shared instants scaled to the
 * wave. `docs/scale.md` reads these figures on paper.
 */
export function scaleSection(options: { sessions?: number; candidates?: number } = {}): BenchSection {
  return {
    id: 'P8',
    title: `A national wave (${WAVE.sessions} sessions × ${WAVE.candidates} candidates) against the AWS quotas, measured on a local wave`,
    measure: () => inWorker<Figure[]>(import.meta.url, 'measureScale', [options.sessions ?? envInteger('CERTIFLOW_BENCH_P8_SESSIONS', 50), options.candidates ?? envInteger('CERTIFLOW_BENCH_P8_CANDIDATES', 2)]),
  };
}
