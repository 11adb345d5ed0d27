/** Lifetimes a new token may be given from the dashboard: days, or null for never. */
export const TOKEN_LIFETIMES: readonly { label: string; days: number | null }[] = [
  { label: 'never', days: null },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
];

/** The createToken `expiresAt` for a lifetime in days from now (ISO), or null for never. */
export function expiresAtFor(days: number | null, nowMs: number): string | null {
  if (days == null) return null;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`lifetime must be ≥ 1 day, got ${days}`);
  return new Date(nowMs + days * 86_400_000).toISOString();
}

/**
 * Whether a listed token (by its prefix, e.g. `strand_AbCd1234`) is the one this browser signs in
 * with: revoking it signs this browser out.
 */
export function isThisBrowsersToken(prefix: string, stored: string | null): boolean {
  return stored != null && prefix.length > 0 && stored.startsWith(prefix);
}

/** A token's name as typed: trimmed; a message when blank or too long (the API checks again). */
export function checkTokenName(
  name: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, message: 'Name the token (e.g. laptop, CI).' };
  if (trimmed.length > 100) return { ok: false, message: 'At most 100 characters.' };
  return { ok: true, name: trimmed };
}
