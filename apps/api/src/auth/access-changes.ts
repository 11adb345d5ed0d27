import type { AuthCache } from './auth-cache.ts';

/**
 * Who must be re-checked now: after a token is revoked, a member removed, a role changed or an
 * invitation accepted, the authentication cache is emptied (the next request reads the database)
 * and listeners hear the users concerned — the WebSocket server closes their sockets, so a
 * subscription opened with the old rights does not outlive them. In-process; a scaled-out
 * deployment would carry the same calls over its pub/sub.
 */
export class AccessChanges {
  private readonly listeners = new Set<(userIds: readonly string[]) => void>();

  constructor(private readonly cache: AuthCache) {}

  changed(userIds: Iterable<string>): void {
    this.cache.clear();
    const ids = [...userIds];
    for (const listener of this.listeners) listener(ids);
  }

  onChange(listener: (userIds: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
