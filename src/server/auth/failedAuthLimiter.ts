/**
 * Counts failed authentications per client address; once an address has failed `max` times within
 * the window it is told to wait (429 with Retry-After) until the oldest of those failures leaves
 * the window. Only failures count, and a request with a valid token is let through before the
 * limiter is asked (requestAuth), so one stale client behind an office's NAT cannot lock out the
 * colleagues who share its address.
 *
 * Invariant: memory is bounded — at most `maxAddresses` addresses (the least recently failing one
 * is forgotten first: a Map keeps insertion order, and a failure re-inserts its address) and at
 * most `max` timestamps per address.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 20,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Seconds until the address may try again, or 0 when it is not blocked. */
  retryAfterSeconds(address: string, now = Date.now()): number {
    const list = this.failures.get(address);
    if (!list || list.length < this.max) return 0;
    const until = list[list.length - this.max] + this.windowMs;
    return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
  }

  recordFailure(address: string, now = Date.now()): void {
    const list = (this.failures.get(address) ?? []).filter((t) => now - t < this.windowMs);
    list.push(now);
    if (list.length > this.max) list.splice(0, list.length - this.max);
    this.failures.delete(address);
    this.failures.set(address, list);
    while (this.failures.size > this.maxAddresses) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Addresses currently remembered (for tests and diagnostics). */
  get size(): number {
    return this.failures.size;
  }
}
