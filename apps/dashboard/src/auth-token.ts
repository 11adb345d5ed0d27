/** Where a person's API token is kept (the token form writes it; every request sends it). */
export const TOKEN_STORAGE_KEY = 'strand.token';

/** The stored API token, or null (also when storage is unavailable, e.g. blocked cookies). */
export function readToken(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    const token = storage?.getItem(TOKEN_STORAGE_KEY)?.trim();
    return token ? token : null;
  } catch {
    return null;
  }
}

/** The `Authorization` value for a token: `Bearer <token>`. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** Stores a token the person typed (trimmed); false when storage is unavailable. */
export function storeToken(storage: Pick<Storage, 'setItem'> | undefined, token: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(TOKEN_STORAGE_KEY, token.trim());
    return true;
  } catch {
    return false;
  }
}
