import { describe, expect, it } from 'vitest';
import { shortId } from './ids.ts';

describe('shortId', () => {
  it("keeps a UUID's first group, and at most 12 characters of other ids", () => {
    expect(shortId('8a6c190f-cd7b-497a-aee8-6427f6fb7bce')).toBe('8a6c190f');
    expect(shortId('run_0123456789abcdef')).toBe('run_01234567');
    expect(shortId('-x')).toBe('-x');
  });
});
