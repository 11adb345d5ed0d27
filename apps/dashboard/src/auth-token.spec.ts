import { describe, expect, it } from 'vitest';
import { bearer, readToken, TOKEN_STORAGE_KEY } from './auth-token.ts';

const storage = (items: Record<string, string>) => ({
  getItem: (key: string) => items[key] ?? null,
});

describe('readToken', () => {
  it('reads strand.token, trimmed', () => {
    expect(TOKEN_STORAGE_KEY).toBe('strand.token');
    expect(readToken(storage({ 'strand.token': ' stk_abc \n' }))).toBe('stk_abc');
  });

  it('is null when absent, blank, without storage, or when storage throws', () => {
    expect(readToken(storage({}))).toBeNull();
    expect(readToken(storage({ 'strand.token': '  ' }))).toBeNull();
    expect(readToken(undefined)).toBeNull();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readToken(blocked)).toBeNull();
  });
});

describe('bearer', () => {
  it('formats the Authorization value', () => {
    expect(bearer('stk_abc')).toBe('Bearer stk_abc');
  });
});
