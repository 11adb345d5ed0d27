import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Viewer } from '../auth/viewer.ts';
import { TokenBuckets } from './token-bucket.ts';

/** RATE_LIMITED, HTTP 429 with Retry-After (whole seconds, at least 1). */
export function rateLimited(message: (seconds: number) => string, wait: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(wait));
  return new GraphQLError(message(seconds), {
    extensions: {
      code: 'RATE_LIMITED',
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

export interface RateLimits {
  ratePerSecond: number;
  rateBurst: number;
  userRatePerSecond: number;
  userRateBurst: number;
}

/**
 * Rate limiting per API token and per user (so minting more tokens buys no more requests).
 * Checked while the request context is built — after authentication, before Apollo parses or
 * validates anything — so invalid and oversized queries count too (an Apollo plugin hook would
 * only run after parsing and validation). Refused requests get RATE_LIMITED, HTTP 429 and a
 * Retry-After header.
 */
export function createRateLimit(limits: RateLimits): (viewer: Viewer) => void {
  const { ratePerSecond, rateBurst, userRatePerSecond, userRateBurst } = limits;
  const byToken = new TokenBuckets(ratePerSecond, rateBurst);
  const byUser = new TokenBuckets(userRatePerSecond, userRateBurst);
  return (viewer) => {
    // The user's bucket first: a request refused there does not also drain the token's.
    const userWait = byUser.wait(viewer.userId);
    if (userWait > 0) {
      throw rateLimited(
        (s) =>
          `rate limit of ${userRatePerSecond} requests/s (burst ${userRateBurst}) per user exceeded; retry in ${s} s`,
        userWait,
      );
    }
    const wait = byToken.take(viewer.tokenId);
    if (wait > 0) {
      throw rateLimited(
        (s) =>
          `rate limit of ${ratePerSecond} requests/s (burst ${rateBurst}) per API token exceeded; retry in ${s} s`,
        wait,
      );
    }
    byUser.take(viewer.userId);
  };
}
