import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamEventDefinition, StreamFilterPattern } from '../shared/wiring/stream-events';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';

/** Where a stream subscription delivers. */
export interface StreamSubscription {
  definition: StreamEventDefinition;
  functionName: string;
}

/** What the local stream dispatcher needs. */
export interface StreamDispatcherOptions {
  endpoint: string;
  tableName: string;
  subscriptions: readonly StreamSubscription[];
  invoke(functionName: string, event: DynamoDBStreamEvent): Promise<unknown>;
  log(message: string, extra: Record<string, unknown>): void;
  /** Where the position reached in each shard, and the records given up on, are kept across restarts. */
  dataDir: string;
  /** How often the stream is read. */
  pollMs?: number;
}

interface Checkpoints {
  streamArn: string;
  shards: Record<string, { after?: string; done?: boolean }>;
}

function matches(pattern: StreamFilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
    return Array.isArray(expected) ? (expected as readonly string[]).includes(actual as string) : matches(expected as StreamFilterPattern, actual);
  });
}

/** Whether a stream record passes an event source mapping's filters (any one of them; none lets everything through). */
export function passesFilters(filters: readonly StreamFilterPattern[], record: DynamoDBRecord): boolean {
  return filters.length === 0 || filters.some((pattern) => matches(pattern, record));
}

/** A record of the Streams API as Lambda hands it to a function. */
function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    eventSourceARN: streamArn,
    dynamodb: { ...(dynamodb as DynamoDBRecord['dynamodb']), ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}) },
  } as DynamoDBRecord;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SHARDS_TTL_MS = 5_000;

/** How one batch of a subscription is delivered: the function, its retries, and what becomes of records given up on. */
export interface BatchDelivery extends StreamSubscription {
  invoke(event: DynamoDBStreamEvent): Promise<unknown>;
  log(message: string, extra: Record<string, unknown>): void;
  giveUp(records: DynamoDBRecord[], reason: string): void;
  /** Waits between two attempts; a short backoff by default. */
  pause?(attempt: number): Promise<void>;
}

/**
 * Delivers one batch as Lambda's event source mapping does with `ReportBatchItemFailures` and
 * `BisectBatchOnFunctionError`: a batch the function reports a record of as failed is tried again
 * from that record; a batch the function throws on is halved and each half delivered on its own;
 * after the subscription's retries, the records still failing are given up on (the dead-letter queue).
 */
export async function deliverStreamBatch(delivery: BatchDelivery, records: DynamoDBRecord[]): Promise<void> {
  const { functionName, definition } = delivery;
  const pause = delivery.pause ?? ((attempt: number) => sleep(Math.min(50 * attempt, 500)));
  let pending = records;
  for (let attempt = 1; pending.length > 0; attempt++) {
    let failedFrom = 0;
    let reason: string;
    try {
      const response = (await delivery.invoke({ Records: pending })) as DynamoDBBatchResponse | undefined;
      const failures = response?.batchItemFailures ?? [];
      if (failures.length === 0) return;
      const positions = failures.map((failure) => pending.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier));
      failedFrom = positions.includes(-1) ? 0 : Math.min(...positions);
      reason = `the function reported record ${pending[failedFrom]!.dynamodb?.SequenceNumber} failed`;
    } catch (error) {
      if (pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await deliverStreamBatch(delivery, pending.slice(0, half));
        await deliverStreamBatch(delivery, pending.slice(half));
        return;
      }
      reason = (error as Error).message;
    }
    delivery.log('stream batch failed', { functionName, attempt, attempts: definition.retryAttempts + 1, records: pending.length - failedFrom, reason });
    pending = pending.slice(failedFrom);
    if (attempt > definition.retryAttempts) return delivery.giveUp(pending, reason);
    await pause(attempt);
  }
}

/**
 * Reads the DynamoDB Local stream of a table and delivers its records to the subscribed functions
 * as Lambda's event source mapping does: in order, shard by shard (a parent before its children),
 * in batches, filtered by the subscription's patterns; a batch failing is retried from the first
 * record the function reports failed (`batchItemFailures`), halved when the function throws, and
 * given up after the subscription's retries: its records are written to `streams/failed/` and
 * reported, as the dead-letter queue would hold them. The position reached is kept in the data
 * folder, so a restart goes on where it stopped. Tests wait for the deliveries with `idle()`.
 */
export class DynamoDbStreamDispatcher {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string>();
  private readonly stateFile: string;
  private checkpoints: Checkpoints = { streamArn: '', shards: {} };
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private knownShards: Shard[] = [];
  private shardsReadAt = 0;

  private constructor(
    private readonly options: StreamDispatcherOptions,
    private readonly streamArn: string,
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const folder = join(options.dataDir, 'streams');
    mkdirSync(folder, { recursive: true });
    this.stateFile = join(folder, `${options.tableName}.json`);
    const saved = existsSync(this.stateFile) ? (JSON.parse(readFileSync(this.stateFile, 'utf8')) as Checkpoints) : undefined;
    this.checkpoints = saved?.streamArn === streamArn ? saved : { streamArn, shards: {} };
  }

  /** Starts reading the table's stream, which must be enabled. */
  static async start(options: StreamDispatcherOptions): Promise<DynamoDbStreamDispatcher> {
    const client = new DynamoDBClient({ endpoint: options.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: options.tableName }));
      if (!Table?.LatestStreamArn || !Table.StreamSpecification?.StreamEnabled) throw new Error(`table ${options.tableName} has no stream enabled`);
      const dispatcher = new DynamoDbStreamDispatcher(options, Table.LatestStreamArn);
      dispatcher.schedule();
      return dispatcher;
    } finally {
      client.destroy();
    }
  }

  /** Resolves once every record written so far has been delivered (or given up on). */
  async idle(): Promise<void> {
    while (!this.stopped && (await this.exclusive(() => this.poll())) > 0);
  }

  /** Stops reading; a delivery under way finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.chain.catch(() => undefined);
    this.streams.destroy();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.exclusive(() => this.poll())
        .catch((error: Error) => this.options.log('stream read failed', { tableName: this.options.tableName, error: error.message }))
        .finally(() => this.schedule());
    }, this.options.pollMs ?? 250);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Reads every open shard to its end once; returns how many records were read. */
  private async poll(): Promise<number> {
    if (this.stopped) return 0;
    let read = 0;
    const shards = await this.shards();
    const done = (id: string | undefined) => !id || !shards.some((s) => s.ShardId === id) || this.checkpoints.shards[id]?.done;
    for (const shard of shards) {
      const id = shard.ShardId!;
      if (this.checkpoints.shards[id]?.done || !done(shard.ParentShardId)) continue;
      read += await this.drain(id);
    }
    return read;
  }

  /** The stream's shards, described again every few seconds (a shard closes and children open a few times a day). */
  private async shards(): Promise<Shard[]> {
    if (this.knownShards.length > 0 && Date.now() - this.shardsReadAt < SHARDS_TTL_MS) return this.knownShards;
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.knownShards = shards;
    this.shardsReadAt = Date.now();
    return shards;
  }

  private async iterator(shardId: string): Promise<string> {
    const known = this.iterators.get(shardId);
    if (known) return known;
    const after = this.checkpoints.shards[shardId]?.after;
    const request = after
      ? { StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: after }
      : { StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' as const };
    try {
      return (await this.streams.send(new GetShardIteratorCommand(request))).ShardIterator!;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      return (await this.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
    }
  }

  /** Reads one shard from the position reached to its current end, delivering what it reads. */
  private async drain(shardId: string): Promise<number> {
    let read = 0;
    let stale = 0;
    for (;;) {
      let page;
      try {
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: await this.iterator(shardId), Limit: 100 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) || ++stale > 2) throw error;
        this.iterators.delete(shardId);
        continue;
      }
      const records = (page.Records ?? []).map((record) => lambdaRecord(record, this.streamArn));
      if (page.NextShardIterator) this.iterators.set(shardId, page.NextShardIterator);
      else this.iterators.delete(shardId);
      if (records.length > 0) {
        read += records.length;
        for (const subscription of this.options.subscriptions) {
          const wanted = records.filter((record) => passesFilters(subscription.definition.filters, record));
          for (let start = 0; start < wanted.length; start += subscription.definition.batchSize) {
            await this.deliver(subscription, wanted.slice(start, start + subscription.definition.batchSize));
          }
        }
        this.checkpoints.shards[shardId] = { after: records.at(-1)!.dynamodb!.SequenceNumber! };
      }
      if (!page.NextShardIterator) {
        this.checkpoints.shards[shardId] = { ...this.checkpoints.shards[shardId], done: true };
        this.shardsReadAt = 0;
      }
      if (records.length > 0 || !page.NextShardIterator) writeFileSync(this.stateFile, JSON.stringify(this.checkpoints));
      if (records.length === 0 || !page.NextShardIterator) return read;
    }
  }

  private deliver(subscription: StreamSubscription, records: DynamoDBRecord[]): Promise<void> {
    return deliverStreamBatch(
      {
        ...subscription,
        invoke: (event) => this.options.invoke(subscription.functionName, event),
        log: this.options.log,
        giveUp: (given, reason) => this.giveUp(subscription.functionName, given, reason),
      },
      records,
    );
  }

  private giveUp(functionName: string, records: DynamoDBRecord[], reason: string): void {
    const folder = join(this.options.dataDir, 'streams', 'failed');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${new Date().toISOString().replace(/:/g, '-')}-${functionName}.json`);
    writeFileSync(file, JSON.stringify({ functionName, reason, records }, null, 2));
    this.options.log('stream records given up after every retry', { functionName, records: records.length, file, reason });
  }
}
