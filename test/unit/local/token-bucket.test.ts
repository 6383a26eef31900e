import { describe, expect, it } from 'vitest';
import { type TokenBucketLimit, TokenBuckets } from '../../../local/token-bucket';

const LIMIT: TokenBucketLimit = { ratePerSecond: 0.5, burst: 3 };

/** Token buckets on a clock the test moves by hand. */
function bucketsOnClock(maxBuckets?: number): { buckets: TokenBuckets; advance(ms: number): void; set(ms: number): void } {
  let now = 1_000_000;
  const buckets = new TokenBuckets({ now: () => now, ...(maxBuckets === undefined ? {} : { maxBuckets }) });
  return { buckets, advance: (ms) => void (now += ms), set: (ms) => void (now = ms) };
}

function drain(buckets: TokenBuckets, key: string, limit: TokenBucketLimit = LIMIT): void {
  for (let i = 0; i < limit.burst; i += 1) expect(buckets.take(key, limit)).toEqual({ allowed: true });
}

describe('token buckets', () => {
  it('burst: a new key gets exactly `burst` requests at once, then is refused', () => {
    const { buckets } = bucketsOnClock();
    drain(buckets, 'a');
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
  });

  it('refill: tokens come back at ratePerSecond, and never beyond burst', () => {
    const { buckets, advance } = bucketsOnClock();
    drain(buckets, 'a');
    advance(1_999);
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
    advance(1);
    expect(buckets.take('a', LIMIT)).toEqual({ allowed: true });
    expect(buckets.take('a', LIMIT).allowed).toBe(false);

    advance(60_000);
    drain(buckets, 'a');
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
  });

  it('retry-after: whole seconds until the next token, at least 1, and a request after that long passes', () => {
    for (const limit of [{ ratePerSecond: 0.5, burst: 3 }, { ratePerSecond: 5, burst: 10 }, { ratePerSecond: 0.3, burst: 1 }]) {
      const { buckets, advance } = bucketsOnClock();
      drain(buckets, 'a', limit);
      const refused = buckets.take('a', limit);
      const expected = Math.max(1, Math.ceil(1 / limit.ratePerSecond));
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: expected });
      advance(expected * 1000);
      expect(buckets.take('a', limit)).toEqual({ allowed: true });
    }
  });

  it('retry-after: counts down as the bucket refills', () => {
    const { buckets, advance } = bucketsOnClock();
    drain(buckets, 'a');
    expect(buckets.take('a', LIMIT)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    advance(1_500);
    expect(buckets.take('a', LIMIT)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keys: each key has its own bucket', () => {
    const { buckets } = bucketsOnClock();
    drain(buckets, 'a');
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
    drain(buckets, 'b');
  });

  it('clock going backwards: counts as no time elapsed, so it neither refills nor blocks for the gap', () => {
    const { buckets, advance, set } = bucketsOnClock();
    drain(buckets, 'a');
    set(0);
    expect(buckets.take('a', LIMIT)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    advance(2_000);
    expect(buckets.take('a', LIMIT)).toEqual({ allowed: true });
  });

  it('bounded map: at the cap, buckets that are full again are dropped first, and their keys start full', () => {
    const { buckets, advance } = bucketsOnClock(3);
    drain(buckets, 'empty-1');
    drain(buckets, 'empty-2');
    buckets.take('full', LIMIT);
    advance(2_000);
    expect(buckets.size).toBe(3);
    buckets.take('new', LIMIT);
    expect(buckets.size).toBe(3);
    expect(buckets.take('empty-1', LIMIT)).toEqual({ allowed: true });
    expect(buckets.take('empty-1', LIMIT).allowed).toBe(false);
    expect(buckets.size).toBe(3);
  });

  it('bounded map: at the cap with no full bucket, the least recently used one is evicted', () => {
    const { buckets } = bucketsOnClock(2);
    drain(buckets, 'a');
    drain(buckets, 'b');
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
    buckets.take('c', LIMIT);
    expect(buckets.size).toBe(2);
    expect(buckets.take('a', LIMIT).allowed).toBe(false);
    drain(buckets, 'b');
  });

  it('bounded map: many distinct keys never keep more than the cap', () => {
    const { buckets, advance } = bucketsOnClock(100);
    for (let i = 0; i < 1_000; i += 1) {
      buckets.take(`client-${i}`, LIMIT);
      advance(10);
    }
    expect(buckets.size).toBeLessThanOrEqual(100);
    expect(buckets.size).toBeGreaterThan(0);
  });

  it('limits: refuses a rate or burst that would block every request, and a cap below 1', () => {
    const { buckets } = bucketsOnClock();
    expect(() => buckets.take('a', { ratePerSecond: 0, burst: 3 })).toThrow(RangeError);
    expect(() => buckets.take('a', { ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
    expect(() => buckets.take('a', { ratePerSecond: Number.NaN, burst: 3 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ now: () => 0, maxBuckets: 0 })).toThrow(RangeError);
  });
});
