/**
 * Token-bucket rate limiting, one bucket per key (an API token's id, a user's id, a client's
 * address): a bucket holds up to `burst` requests and refills at `perSecond`; a request takes one
 * or is refused. Keys whose bucket is full again are forgotten once there are many, so a flood of
 * distinct keys (addresses) cannot grow the map without bound.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one request from `key`'s bucket; returns 0 when allowed, else seconds to wait. */
  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.perSecond;
  }

  /** Seconds until `key` could take a request (0: it can now); takes nothing. */
  wait(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(
      this.burst,
      bucket.tokens + ((this.now() - bucket.at) / 1000) * this.perSecond,
    );
    return tokens >= 1 ? 0 : (1 - tokens) / this.perSecond;
  }

  /** Number of keys held (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string) {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetFull(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    return bucket;
  }

  /** Drops buckets that have refilled (they hold no memory of past use); if none has, all. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
