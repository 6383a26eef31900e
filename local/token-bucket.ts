/** How fast a bucket refills and how many tokens it holds. */
export interface TokenBucketLimit {
  /** Tokens added per second, up to `burst`; more than 0. */
  readonly ratePerSecond: number;
  /** The bucket's capacity, and how full a new bucket starts; at least 1. */
  readonly burst: number;
}

/** The outcome of taking a token: allowed, or refused with the whole seconds (at least 1) until one is there. */
export type TokenTake = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Options of {@link TokenBuckets}. */
export interface TokenBucketsOptions {
  /** The current time in milliseconds; it may be virtual, and may jump backwards. */
  now(): number;
  /** The most buckets kept at once; 10 000 unless told. */
  readonly maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  limit: TokenBucketLimit;
}

const DEFAULT_MAX_BUCKETS = 10_000;

/** Slack for floating-point error when turning a token deficit into seconds. */
const EPSILON = 1e-9;

function assertLimit(limit: TokenBucketLimit): void {
  if (!(limit.ratePerSecond > 0) || !Number.isFinite(limit.ratePerSecond)) {
    throw new RangeError(`ratePerSecond must be a finite number above 0, not ${limit.ratePerSecond}`);
  }
  if (!(limit.burst >= 1) || !Number.isFinite(limit.burst)) {
    throw new RangeError(`burst must be a finite number of at least 1, not ${limit.burst}`);
  }
}

/** The bucket's tokens at `now`; a clock gone backwards counts as no time elapsed. */
function tokensAt(bucket: Bucket, now: number): number {
  const elapsedMs = Math.max(0, now - bucket.updatedAt);
  return Math.min(bucket.limit.burst, bucket.tokens + (elapsedMs * bucket.limit.ratePerSecond) / 1000);
}

/**
 * Token buckets by key (a route and a client, say): each holds up to `burst` tokens, starts
 * full, and refills at `ratePerSecond`; every request takes one. At most `maxBuckets` are
 * kept: when a new key needs room, the buckets that are full again are dropped (a full
 * bucket is what a new one would be), and if none is, the least recently used one.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxBuckets: number;

  constructor(private readonly options: TokenBucketsOptions) {
    this.maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    if (!(this.maxBuckets >= 1)) throw new RangeError(`maxBuckets must be at least 1, not ${this.maxBuckets}`);
  }

  /** How many buckets are kept. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes a token from `key`'s bucket, which `limit` governs; a key without one gets a full bucket. */
  take(key: string, limit: TokenBucketLimit): TokenTake {
    assertLimit(limit);
    const now = this.options.now();
    const bucket = this.buckets.get(key) ?? this.create(now, limit);
    bucket.limit = { ratePerSecond: limit.ratePerSecond, burst: limit.burst };
    bucket.tokens = tokensAt(bucket, now);
    bucket.updatedAt = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const seconds = Math.ceil((1 - bucket.tokens) / bucket.limit.ratePerSecond - EPSILON);
    return { allowed: false, retryAfterSeconds: Math.max(1, seconds) };
  }

  private create(now: number, limit: TokenBucketLimit): Bucket {
    if (this.buckets.size >= this.maxBuckets) this.makeRoom(now);
    return { tokens: limit.burst, updatedAt: now, limit: { ratePerSecond: limit.ratePerSecond, burst: limit.burst } };
  }

  private makeRoom(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (tokensAt(bucket, now) >= bucket.limit.burst) this.buckets.delete(key);
    }
    while (this.buckets.size >= this.maxBuckets) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
