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

/** Forgets the stored token (sign out); false when storage is unavailable. */
export function clearToken(storage: Pick<Storage, 'removeItem'> | undefined): boolean {
  try {
    if (!storage) return false;
    storage.removeItem(TOKEN_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** What the API said of a token: accepted, refused, or could not be asked. */
export type TokenCheck = 'accepted' | 'rejected' | { unreachable: string };

/**
 * Asks the API whether it accepts a token (the smallest authenticated query, `me { id }`), so
 * a mistyped, revoked or expired token is refused at the form instead of being stored.
 */
export async function checkToken(
  token: string,
  post: (init: RequestInit) => Promise<Pick<Response, 'status' | 'json'>>,
): Promise<TokenCheck> {
  let response: Pick<Response, 'status' | 'json'>;
  try {
    response = await post({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer(token.trim()) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
  } catch (err) {
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
  if (response.status === 401) return 'rejected';
  const body = (await response.json().catch(() => null)) as {
    data?: { me?: { id?: string } | null } | null;
    errors?: { extensions?: { code?: string } }[];
  } | null;
  if (body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return 'rejected';
  if (body?.data?.me?.id) return 'accepted';
  return { unreachable: `the API answered ${response.status}` };
}
