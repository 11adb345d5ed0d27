import type { Viewer } from './viewer.ts';

/**
 * Recently authenticated callers by token, for a short time: authentication (token lookup and
 * memberships, two queries) was most of a small request's cost. Membership changes made through
 * this API clear the cache at once; changes made elsewhere (another replica, the database) show
 * after at most `ttlMs`. Only valid tokens are cached; revoking a token through the API empties
 * the cache (AccessChanges), and an entry never outlives its token's expiry.
 */
export class AuthCache {
  private readonly entries = new Map<string, { viewer: Viewer; expires: number }>();

  constructor(
    private readonly ttlMs = Number(process.env.STRAND_AUTH_CACHE_MS ?? 2000),
    private readonly maxEntries = 10_000,
  ) {}

  get(token: string): Viewer | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.viewer;
  }

  set(token: string, viewer: Viewer, tokenExpiresAt: Date | null = null): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const expires = Math.min(Date.now() + this.ttlMs, tokenExpiresAt?.getTime() ?? Infinity);
    this.entries.set(token, { viewer, expires });
  }

  /** Forget everyone (after a membership change). */
  clear(): void {
    this.entries.clear();
  }
}

/** The process's cache (one API server per process). */
export const authCache = new AuthCache();
