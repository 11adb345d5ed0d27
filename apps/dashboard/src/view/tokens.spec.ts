import { describe, expect, it } from 'vitest';
import { checkTokenName, expiresAtFor, isThisBrowsersToken } from './tokens.ts';

describe('token management helpers', () => {
  it('turns a lifetime into expiresAt, null for never, and refuses a non-positive one', () => {
    const now = Date.UTC(2026, 11, 7, 3, 0, 0);
    expect(expiresAtFor(null, now)).toBeNull();
    expect(expiresAtFor(30, now)).toBe('2027-01-06T03:00:00.000Z');
    expect(() => expiresAtFor(0, now)).toThrow(/≥ 1 day/);
  });

  it('recognises this browser’s token by its prefix', () => {
    expect(isThisBrowsersToken('strand_AbCd1234', 'strand_AbCd1234xyz')).toBe(true);
    expect(isThisBrowsersToken('strand_AbCd1234', 'strand_Other')).toBe(false);
    expect(isThisBrowsersToken('strand_AbCd1234', null)).toBe(false);
    expect(isThisBrowsersToken('', 'strand_x')).toBe(false);
  });

  it('checks names as the API does (1–100 characters, trimmed)', () => {
    expect(checkTokenName('  laptop ')).toEqual({ ok: true, name: 'laptop' });
    expect(checkTokenName('   ').ok).toBe(false);
    expect(checkTokenName('x'.repeat(101)).ok).toBe(false);
  });
});
