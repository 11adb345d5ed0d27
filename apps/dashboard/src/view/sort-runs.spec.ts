import { describe, expect, it } from 'vitest';
import { newestFirst } from './sort-runs.ts';

describe('newestFirst', () => {
  it('orders by createdAt descending, keeping ties and unparsable dates last in order', () => {
    const runs = [
      { id: 'a', createdAt: '2026-11-20T10:00:00Z' },
      { id: 'bad', createdAt: 'not a date' },
      { id: 'b', createdAt: '2026-11-22T10:00:00.000Z' },
      { id: 'c', createdAt: '2026-11-20T10:00:00Z' },
    ];
    expect(newestFirst(runs).map((r) => r.id)).toEqual(['b', 'a', 'c', 'bad']);
    expect(runs[0]?.id).toBe('a');
  });
});
