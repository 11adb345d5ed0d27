/** Where a person's API token is kept until the dashboard has a sign-in page. */
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
