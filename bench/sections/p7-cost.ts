import { LOCAL_RESOURCES } from '../../local/runtime';
import type { BenchSection, Figure } from '../support/figure';
import { envInteger, lifecycleRuns, type LifecycleRun } from '../support/lifecycle';

/**
 * Public list prices of eu-west-3 (Paris), in USD, taken as valid for 2026-12, from memory of the
 * public price pages, not from an AWS price list: Step Functions Standard, Lambda (Arm) and SES
 * are believed to match us-east-1; DynamoDB on-demand is us-east-1's price after the November 2024
 * cut ($0.625 per million write units, $0.125 per million read units) with Paris's usual premium,
 * uncertain by about ten percent; the HTTP API price in Paris lies between $1.00 and $1.17 per
 * million and the upper end is taken; the S3 Glacier Instant Retrieval and DynamoDB storage prices
 * of Paris are the least certain figures here.
 */
export const PRICES = {
  asOf: '2026-12',
  region: 'eu-west-3',
  stepFunctionsPerTransition: 0.025 / 1000,
  lambdaPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1_000_000,
  dynamoDbPerWriteUnit: 0.7625 / 1_000_000,
  dynamoDbPerReadUnit: 0.1525 / 1_000_000,
  dynamoDbPerGbMonth: 0.29,
  s3StandardPerGbMonth: 0.024,
  s3GlacierInstantPerGbMonth: 0.005,
  /** Glacier Instant Retrieval bills every object as at least 128 KiB. */
  s3GlacierInstantMinimumBytes: 128 * 1024,
  s3TransitionPerRequest: 0.02 / 1000,
  s3PutPerRequest: 0.0053 / 1000,
  s3GetPerRequest: 0.00042 / 1000,
  httpApiPerRequest: 1.17 / 1_000_000,
  sesPerEmail: 0.1 / 1000,
} as const;

/** The target the total is judged by: €1 per candidate, at an assumed 1.10 USD per EUR. */
export const TARGET_USD_PER_CANDIDATE = 1.1;

/** E-mails per candidate assumed, not counted: three upload receipts, the freeze notice, the result. */
export const EMAILS_PER_CANDIDATE = 5;

/** Months the records stay in S3 Standard before the records bucket's lifecycle rule moves them to Glacier Instant Retrieval. */
export const RECORDS_STANDARD_MONTHS = 3;

const GB = 1024 ** 3;

/** The cost of one lifecycle run, by component, in USD for the whole session: one-off requests, then storage for the first year and for each later year. */
export function costOf(run: LifecycleRun, recordsBucket: string) {
  const lambdaGbSeconds = Object.values(run.lambda).reduce((sum, f) => sum + (f.billedMs / 1000) * (f.memoryMB / 1024), 0);
  const invocations = Object.values(run.lambda).reduce((sum, f) => sum + f.invocations, 0);
  const s3Puts = (run.s3.requests.PutObject ?? 0) + (run.s3.requests.CopyObject ?? 0) + (run.s3.requests.ListObjectsV2 ?? 0) + run.s3.presignedPosts;
  const s3Gets = (run.s3.requests.GetObject ?? 0) + (run.s3.requests.HeadObject ?? 0) + run.s3.presignedGets;
  const records = run.s3.putSizes[recordsBucket] ?? [];
  const otherPuts = Object.entries(run.s3.putSizes).filter(([bucket]) => bucket !== recordsBucket).flatMap(([, sizes]) => sizes);
  const recordBytes = records.reduce((sum, size) => sum + size, 0);
  const recordGlacierBytes = records.reduce((sum, size) => sum + Math.max(size, PRICES.s3GlacierInstantMinimumBytes), 0);
  const standardBytes = run.s3.postBytes + otherPuts.reduce((sum, size) => sum + size, 0);
  const standardMonth = (standardBytes / GB) * PRICES.s3StandardPerGbMonth;
  const storageFirstYear =
    12 * standardMonth +
    RECORDS_STANDARD_MONTHS * (recordBytes / GB) * PRICES.s3StandardPerGbMonth +
    (12 - RECORDS_STANDARD_MONTHS) * (recordGlacierBytes / GB) * PRICES.s3GlacierInstantPerGbMonth +
    records.length * PRICES.s3TransitionPerRequest;
  const storageLaterYear = 12 * standardMonth + 12 * (recordGlacierBytes / GB) * PRICES.s3GlacierInstantPerGbMonth + 12 * (run.tableBytes / GB) * PRICES.dynamoDbPerGbMonth;
  return {
    stepFunctions: run.statesEntered * PRICES.stepFunctionsPerTransition,
    lambda: invocations * PRICES.lambdaPerRequest + lambdaGbSeconds * PRICES.lambdaPerGbSecond,
    dynamoDbRequests: run.dynamodb.writeUnits * PRICES.dynamoDbPerWriteUnit + run.dynamodb.readUnits * PRICES.dynamoDbPerReadUnit,
    dynamoDbStorage: 12 * (run.tableBytes / GB) * PRICES.dynamoDbPerGbMonth,
    s3Requests: s3Puts * PRICES.s3PutPerRequest + s3Gets * PRICES.s3GetPerRequest,
    s3Storage: storageFirstYear,
    httpApi: run.apiRequests * PRICES.httpApiPerRequest,
    ses: run.candidates * EMAILS_PER_CANDIDATE * PRICES.sesPerEmail,
    storageLaterYear,
    detail: { lambdaGbSeconds, invocations, s3Puts, s3Gets, recordObjects: records.length, recordBytes, standardBytes },
  };
}

/**
 * P7: the AWS cost per candidate of a whole session (`CERTIFLOW_BENCH_P7_CANDIDATES`, default 20),
 * from what its local lifecycle counted: Step Functions Standard transitions (the history's states
 * entered), Lambda invocations × their local wall time (a proxy: DynamoDB Local and s3rver on a
 * shared 2-core machine, where a 512 MB Arm Lambda has a fraction of a core) × the memory the
 * wiring sizes (512 MB by default), DynamoDB read and write units as DynamoDB Local reports them
 * (`ReturnConsumedCapacity`), S3 requests and the bytes stored (the records forever, under Object
 * Lock, in Glacier Instant Retrieval after 90 days; deliverables kept), HTTP API requests (each a
 * person's: the bench never polls the API), and SES e-mails assumed. Storage counts its first
 * year; each later year is a figure of its own. CloudWatch Logs, X-Ray, Cognito and data
 * transfer are left out.
 */
export function costSection(options: { candidates?: number } = {}): BenchSection {
  return {
    id: 'P7',
    title: `AWS cost per candidate, counted on a local lifecycle, ${PRICES.region} list prices as of ${PRICES.asOf} (goal ≤ €1)`,
    async measure() {
      const candidates = options.candidates ?? envInteger('CERTIFLOW_BENCH_P7_CANDIDATES', 20);
      const [run] = await lifecycleRuns([candidates]);
      const cost = costOf(run!, LOCAL_RESOURCES.recordsBucketName);
      const per = (usd: number) => usd / candidates;
      const total = per(cost.stepFunctions + cost.lambda + cost.dynamoDbRequests + cost.dynamoDbStorage + cost.s3Requests + cost.s3Storage + cost.httpApi + cost.ses);
      const of = `per candidate of a ${candidates}-candidate session`;
      const share = (name: string, usd: number): Figure => ({ section: 'P7', name: `${name}, ${of}`, value: per(usd), baseline: total, unit: 'USD', baselineName: 'the total per candidate (ratio = share of the total)' });
      return [
        {
          section: 'P7',
          name: `total AWS cost (requests + first year of storage), ${of}`,
          value: total,
          baseline: TARGET_USD_PER_CANDIDATE,
          unit: 'USD',
          baselineName: `target of €1 per candidate (at ${TARGET_USD_PER_CANDIDATE} USD/EUR)`,
          goal: 1,
        },
        share(`Step Functions Standard: ${run!.statesEntered} transitions per session`, cost.stepFunctions),
        share(`Lambda: ${cost.detail.invocations} invocations, ${cost.detail.lambdaGbSeconds.toFixed(1)} GB-s per session (local durations as proxy, Arm)`, cost.lambda),
        share(`DynamoDB on-demand: ${Math.round(run!.dynamodb.writeUnits)} write + ${Math.round(run!.dynamodb.readUnits)} read units per session (as DynamoDB Local reports them)`, cost.dynamoDbRequests),
        share(`DynamoDB storage, first year: ${(run!.tableBytes / 1024).toFixed(0)} KiB per session with index copies`, cost.dynamoDbStorage),
        share(`S3 requests: ${cost.detail.s3Puts} PUT/POST + ${cost.detail.s3Gets} GET/HEAD per session`, cost.s3Requests),
        share(`S3 storage, first year: ${((cost.detail.standardBytes + cost.detail.recordBytes) / 1048576).toFixed(1)} MiB per session (${cost.detail.recordObjects} records, each billed ≥ 128 KiB in Glacier IR)`, cost.s3Storage),
        share(`API Gateway HTTP API: ${run!.apiRequests} requests per session`, cost.httpApi),
        share(`SES: ${EMAILS_PER_CANDIDATE} e-mails per candidate (assumed, not counted)`, cost.ses),
        {
          section: 'P7',
          name: `storage in each later year (records forever, deliverables and items kept), ${of}`,
          value: per(cost.storageLaterYear),
          baseline: total,
          unit: 'USD',
          baselineName: 'the first-year total per candidate',
        },
      ];
    },
  };
}
