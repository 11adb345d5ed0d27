import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Viewer } from '../auth/viewer.ts';
import { TokenBuckets } from './token-bucket.ts';

/**
 * Per-token rate limiting. Checked while the request context is built — after authentication,
 * before Apollo parses or validates anything — so invalid and oversized queries count too (an
 * Apollo plugin hook would only run after parsing and validation). Refused requests get
 * RATE_LIMITED, HTTP 429 and a Retry-After header.
 */
export function createRateLimit(perSecond: number, burst: number): (viewer: Viewer) => void {
  const buckets = new TokenBuckets(perSecond, burst);
  return (viewer) => {
    const wait = buckets.take(viewer.tokenId);
    if (wait === 0) return;
    const seconds = Math.max(1, Math.ceil(wait));
    throw new GraphQLError(
      `rate limit of ${perSecond} requests/s (burst ${burst}) per API token exceeded; retry in ${seconds} s`,
      {
        extensions: {
          code: 'RATE_LIMITED',
          http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
        },
      },
    );
  };
}
