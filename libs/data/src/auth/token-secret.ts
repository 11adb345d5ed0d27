import { createHash, randomBytes } from 'node:crypto';

/** Every Strand token starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'strand_';

/** `strand_` + 43 base64url characters (32 random bytes); also accepts longer admin tokens. */
const TOKEN_TEXT = /^strand_[A-Za-z0-9_-]{32,200}$/;

/** A new token: `strand_` + 32 random bytes as base64url (256 bits of entropy). */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token: hex SHA-256. No salt and no slow hash on purpose: salts and
 * scrypt/bcrypt protect low-entropy secrets (passwords) against precomputed tables and guessing;
 * a 256-bit random token can be neither guessed nor tabulated, and an unsalted digest can be
 * looked up through a unique index in one query instead of hashing against every stored token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What is shown of a token after it is made: `strand_` and its first 8 random characters. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 8);
}

/** Whether `text` has a token's shape (checked before any database lookup). */
export function isTokenShaped(text: string): boolean {
  return TOKEN_TEXT.test(text);
}
