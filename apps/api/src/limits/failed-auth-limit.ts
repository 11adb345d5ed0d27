import { rateLimited } from './rate-limit.ts';
import { TokenBuckets } from './token-bucket.ts';

/**
 * Per client address: how often it may fail to authenticate (no token, a malformed one, an
 * unknown, revoked or expired one). Once an address has used up its failures, its requests that
 * the authentication cache does not already know are refused with RATE_LIMITED (429) before the
 * token is looked up, so a flood of bad tokens costs no database query each; valid tokens seen
 * recently (cached) from the same address still pass, so a shared NAT is not locked out.
 */
export class FailedAuthLimit {
  private readonly buckets: TokenBuckets;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.buckets = new TokenBuckets(perSecond, burst);
  }

  /** Throws RATE_LIMITED when `address` has failed too often lately. */
  check(address: string): void {
    const wait = this.buckets.wait(address);
    if (wait > 0) {
      throw rateLimited(
        (s) =>
          `too many failed authentications from this address (${this.burst}, then ${this.perSecond}/s); retry in ${s} s`,
        wait,
      );
    }
  }

  /** Counts one failed authentication from `address`. */
  failed(address: string): void {
    this.buckets.take(address);
  }
}
