import {
  BatchGetItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { dataOf, type ApiResponse } from '../../client/certiflow-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/local-aws';
import { routeFunction } from '../../shared/wiring/functions';
import { ROUTES, routeKey } from '../../shared/wiring/routes';
import type { BenchSection, Figure } from '../support/figure';
import {
  candidateUserId,
  closeIntake,
  deliverablesFor,
  envInteger,
  gridFor,
  instrument,
  nextCalled,
  checkInAll,
  planSession,
  readOutcomes,
  runExamDay,
  sealPv,
  sitOral,
  startBenchRuntime,
  uploadDeliverables,
  type SdkCall,
} from '../support/lifecycle';
import { attributeInvocations, installCounter, quiescent, requests } from '../support/request-counter';
import { median } from '../support/stats';
import { inWorker } from '../support/worker';

type Json = Record<string, unknown>;
type Sender = (input: Json) => Promise<unknown>;

/** One SDK request of a route, as it will be replayed. */
interface Replayed {
  service: 'dynamodb' | 'sfn';
  op: string;
  input: Json;
}

const READS = new Set(['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['TransactWriteItems', 'PutItem', 'UpdateItem', 'DeleteItem']);
const SFN_READS = new Set(['DescribeExecution', 'GetExecutionHistory']);

function referenced(expressions: Array<unknown>, token: string): boolean {
  return expressions.some((expression) => typeof expression === 'string' && new RegExp(`${token.replace(/[#:]/g, '\\$&')}(?![A-Za-z0-9_])`).test(expression));
}

/**
 * A write action moved to fresh keys: every partition key (the table's and the indexes') prefixed,
 * and its condition, if any, replaced by one that holds on a fresh item (`attribute_not_exists(PK)`),
 * so the replay writes as many items of the same sizes, each with one condition, every time.
 */
function rekeyed(action: Json, prefix: string): Json {
  const copy = structuredClone(action);
  for (const field of ['Item', 'Key'] as const) {
    const attributes = copy[field] as Record<string, { S?: string }> | undefined;
    if (!attributes) continue;
    for (const [name, value] of Object.entries(attributes)) if ((name === 'PK' || /^GSI\d+PK$/.test(name)) && value.S !== undefined) value.S = `${prefix}${value.S}`;
  }
  if (copy.ConditionExpression !== undefined) copy.ConditionExpression = 'attribute_not_exists(PK)';
  const expressions = [copy.UpdateExpression, copy.ConditionExpression, copy.ProjectionExpression];
  for (const map of ['ExpressionAttributeNames', 'ExpressionAttributeValues'] as const) {
    const entries = Object.entries((copy[map] as Json | undefined) ?? {}).filter(([token]) => referenced(expressions, token));
    if (entries.length > 0) copy[map] = Object.fromEntries(entries);
    else delete copy[map];
  }
  return copy;
}

/** The input of a captured request for its `n`-th replay: reads as they were, writes moved to fresh keys. */
function replayInput(call: Replayed, n: number): Json {
  if (!WRITES.has(call.op)) return call.input;
  const prefix = `BENCH#${n}#`;
  if (call.op !== 'TransactWriteItems') return rekeyed(call.input, prefix);
  const { ClientRequestToken: _token, ...rest } = call.input;
  const items = (rest.TransactItems as Array<Record<string, Json>>).map((entry) => Object.fromEntries(Object.entries(entry).map(([kind, action]) => [kind, rekeyed(action, prefix)])));
  return { ...rest, TransactItems: items };
}

/** The captured requests grouped as they ran: a request that started before the group's last one ended ran beside it. */
function concurrentGroups(calls: readonly SdkCall[]): SdkCall[][] {
  const groups: SdkCall[][] = [];
  let end = -Infinity;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    if (groups.length > 0 && call.startedAt < end) {
      groups.at(-1)!.push(call);
      end = Math.max(end, call.endedAt);
    } else {
      groups.push([call]);
      end = call.endedAt;
    }
  }
  return groups;
}

function describe(calls: readonly SdkCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.op, (counts.get(call.op) ?? 0) + 1);
  return [...counts].map(([op, n]) => `${n} ${op}`).join(' + ');
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** One route to measure: how to call it (the i-th time) and which function serves it. */
interface RouteCase {
  routeId: string;
  detail: string;
  call(i: number): Promise<ApiResponse<unknown> | Response>;
}

function statusOf(response: ApiResponse<unknown> | Response): number {
  return response.status;
}

/**
 * Measures warm requests of four routes on the local runtime in this process, each against the
 * same SDK requests sent directly: the route's DynamoDB and Step Functions requests are captured
 * from a warm call (the counter of `request-counter.ts` checks their number), then, alternately,
 * the route is called and its requests replayed with bare clients (in the same concurrent groups;
 * reads as they were, writes moved to fresh keys). Medians of `runs` after `warmUp` calls.
 */
export async function measureWarmRequests(runs: number, warmUp: number): Promise<Figure[]> {
  const bench = await startBenchRuntime();
  try {
    attributeInvocations();
    installCounter();
    const meter = instrument({ bodies: true });

    const files = await deliverablesFor([0, 1].map((n) => candidateUserId('released', n)).concat([0, 1, 2].map((n) => candidateUserId('day', n))));
    const released = await planSession(bench, 2, 'released');
    await uploadDeliverables(bench, released, files);
    await closeIntake(bench, released);
    await runExamDay(bench, released);
    await sealPv(bench, released);
    const code = (await readOutcomes(released)).codes[0]!;

    const day = await planSession(bench, 3, 'day');
    await uploadDeliverables(bench, day, files);
    await closeIntake(bench, day);
    await checkInAll(bench, day);
    const first = await nextCalled(bench, day, new Set());
    const { registrationId } = day.candidates[first]!;
    await sitOral(bench, day, registrationId);

    const manager = await bench.as(['managers'], 'manager-planning', 'centre-planning');
    const planning = dataOf('create session', await manager.createSession({ titleCode: 'RNCP34757', sessionDate: new Date(bench.runtime.clock.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10), address: '3 quai Claude Bernard, 69007 Lyon' })).session.id;

    const cases: RouteCase[] = [
      { routeId: 'GetSession', detail: 'manager, a 3-candidate session on its exam day', call: () => day.manager.getSession(day.sessionId) },
      { routeId: 'FillGrid', detail: 'juror, after the oral; alternating two gradings so that each call writes', call: (i) => day.jurors[0]!.client.fillGrid(day.sessionId, registrationId, gridFor(i % 2)) },
      { routeId: 'Verify', detail: 'public, a parchemin code, one client address per call', call: (i) => fetch(`${bench.runtime.urls.api}/verify/${code}`, { headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } }).then(async (r) => (await r.arrayBuffer(), r)) },
      { routeId: 'RegisterCandidate', detail: 'manager, a session in planning, a new candidate each call', call: (i) => manager.registerCandidate(planning, { attempt: 'first', candidate: { userId: `cand-p2-${i}`, firstName: 'Léa', lastName: `Bench-${i}`, email: `lea.${i}@bench.example.org` } }) },
    ];

    const db = new DynamoDBClient({ endpoint: bench.runtime.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const sfn = new SFNClient({ endpoint: bench.runtime.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const dynamoCommands: Record<string, new (input: never) => unknown> = {
      GetItem: GetItemCommand,
      Query: QueryCommand,
      BatchGetItem: BatchGetItemCommand,
      TransactGetItems: TransactGetItemsCommand,
      TransactWriteItems: TransactWriteItemsCommand,
      PutItem: PutItemCommand,
      UpdateItem: UpdateItemCommand,
      DeleteItem: DeleteItemCommand,
    };
    const sfnCommands: Record<string, new (input: never) => unknown> = { DescribeExecution: DescribeExecutionCommand, GetExecutionHistory: GetExecutionHistoryCommand };
    const send = (call: Replayed): Sender => {
      if (call.service === 'dynamodb') return (input) => db.send(new dynamoCommands[call.op]!(input as never) as never);
      return (input) => sfn.send(new sfnCommands[call.op]!(input as never) as never);
    };

    const figures: Figure[] = [];
    let replays = 0;
    try {
      for (const route of cases) {
        const definition = ROUTES.find((r) => r.id === route.routeId)!;
        const fn = routeFunction(definition).name;
        let i = 0;
        const callRoute = async () => {
          const response = await route.call(i++);
          if (statusOf(response) >= 300) throw new Error(`${routeKey(definition)}: ${statusOf(response)}`);
        };
        for (let n = 0; n < warmUp; n++) {
          await callRoute();
          await quiescent(60);
        }
        const sdkFrom = meter.sdk.length;
        const countedFrom = requests.length;
        await callRoute();
        await quiescent(60);
        const captured = meter.sdk.slice(sdkFrom).filter((call) => call.fn === fn);
        const counted = requests.slice(countedFrom).filter((request) => request.origin === 'api');
        const dynamo = captured.filter((call) => call.service === 'dynamodb');
        if (dynamo.length !== counted.length) throw new Error(`${routeKey(definition)}: the meter saw ${dynamo.length} DynamoDB requests, the request counter ${counted.length}`);
        const unsupported = captured.filter((call) => call.service === 's3' || (call.service === 'dynamodb' && !READS.has(call.op) && !WRITES.has(call.op)) || (call.service === 'sfn' && !SFN_READS.has(call.op)));
        if (unsupported.length > 0) throw new Error(`${routeKey(definition)} makes requests this bench cannot replay: ${describe(unsupported)}`);
        const plan = concurrentGroups(captured).map((group) =>
          group.map((call) => {
            const replayed: Replayed = { service: call.service as Replayed['service'], op: call.op, input: JSON.parse(call.body!) as Json };
            return { replayed, sender: send(replayed) };
          }),
        );
        const replay = async () => {
          const n = replays++;
          for (const group of plan) await Promise.all(group.map(({ replayed, sender }) => sender(replayInput(replayed, n))));
        };
        for (let n = 0; n < warmUp; n++) await replay();
        const routeMs: number[] = [];
        const replayMs: number[] = [];
        for (let n = 0; n < runs; n++) {
          await quiescent(60);
          routeMs.push(await timed(callRoute));
          await quiescent(60);
          replayMs.push(await timed(replay));
        }
        const parallel = plan.some((group) => group.length > 1) ? `, in ${plan.length} sequential groups as the handler ran them` : '';
        figures.push({
          section: 'P2',
          name: `${routeKey(definition)} warm, median of ${runs} (${route.detail})`,
          value: median(routeMs),
          baseline: median(replayMs),
          unit: 'ms',
          baselineName: `its ${describe(captured)} sent directly with bare SDK clients${parallel}${captured.some((call) => WRITES.has(call.op)) ? ' (writes on fresh keys)' : ''}`,
        });
      }
    } finally {
      db.destroy();
      sfn.destroy();
    }
    return figures;
  } finally {
    await quiescent().catch(() => undefined);
    await bench.stop();
  }
}

/**
 * P2: a warm API request on the local runtime (HTTP API server, JWT check, the Lambda host,
 * the handler) against the raw SDK requests it makes, for four routes: a session read, a grid
 * filled, a public verification and a candidate registered. Runs in a worker process of its own;
 * `CERTIFLOW_BENCH_P2_RUNS` (default 30) timed calls each after `CERTIFLOW_BENCH_P2_WARMUP` (5).
 */
export function warmRequestSection(options: { runs?: number; warmUp?: number } = {}): BenchSection {
  return {
    id: 'P2',
    title: 'Warm API request on the local runtime vs the same SDK requests sent directly',
    measure: () => inWorker<Figure[]>(import.meta.url, 'measureWarmRequests', [options.runs ?? envInteger('CERTIFLOW_BENCH_P2_RUNS', 30), options.warmUp ?? envInteger('CERTIFLOW_BENCH_P2_WARMUP', 5)]),
  };
}
