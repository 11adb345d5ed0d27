import { TOKEN_PREFIX } from '@strand/data';

/**
 * What request logs show of the caller's token: `strand_` and its first 8 random characters (as
 * the API shows tokens after issuing them), never more; `none` without one, `malformed` for a
 * header that is not `Bearer strand_…`.
 */
export function tokenPrefixOf(authorization: string | undefined): string {
  if (!authorization) return 'none';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const token = match?.[1];
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length < TOKEN_PREFIX.length + 32) {
    return 'malformed';
  }
  return token.slice(0, TOKEN_PREFIX.length + 8);
}
