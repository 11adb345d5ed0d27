import { describe, expect, it } from 'vitest';
import { bearer, checkToken, clearToken, readToken, TOKEN_STORAGE_KEY } from './auth-token.ts';

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

describe('clearToken', () => {
  it('removes strand.token; false without storage or when storage throws', () => {
    const items: Record<string, string> = { 'strand.token': 'x', other: 'y' };
    expect(clearToken({ removeItem: (key: string) => void delete items[key] })).toBe(true);
    expect(items).toEqual({ other: 'y' });
    expect(clearToken(undefined)).toBe(false);
    expect(
      clearToken({
        removeItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe(false);
  });
});

describe('checkToken', () => {
  const answer = (status: number, body: unknown) => async (init: RequestInit) => {
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer stk_1');
    return { status, json: async () => body };
  };

  it('accepts a token the API answers me for', async () => {
    expect(await checkToken(' stk_1 ', answer(200, { data: { me: { id: 'u1' } } }))).toBe(
      'accepted',
    );
  });

  it('rejects on 401 or UNAUTHENTICATED', async () => {
    expect(await checkToken('stk_1', answer(401, {}))).toBe('rejected');
    const body = { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(await checkToken('stk_1', answer(200, body))).toBe('rejected');
  });

  it('says when the API could not be asked', async () => {
    const down = async () => {
      throw new Error('connection refused');
    };
    expect(await checkToken('stk_1', down)).toEqual({ unreachable: 'connection refused' });
    expect(await checkToken('stk_1', answer(502, null))).toEqual({
      unreachable: 'the API answered 502',
    });
  });
});
