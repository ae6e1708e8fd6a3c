/**
 * Token buckets per client, in memory: each client may burst up to `burst` requests and then
 * `ratePerSecond`. Per replica; put a shared limit in the API gateway if one is needed across
 * replicas (govstack-cfr-security#9).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes a token; when none is left, says how many seconds until one is. */
  take(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterS: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    if (this.buckets.size > 100_000) this.evictIdle(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond)) };
  }

  /** True when `key` has no token left right now (without taking one). */
  exhausted(key: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket) return false;
    return Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond) < 1;
  }

  private evictIdle(now: number): void {
    for (const [key, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(key);
  }
}
