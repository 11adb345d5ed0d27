import { describe, expect, it } from 'vitest';
import { loadBatched } from './request-batch.ts';

describe('loadBatched', () => {
  it('loads the ids asked for in one turn together, per scope and key', async () => {
    const calls: string[][] = [];
    const load = async (ids: string[]) => {
      calls.push(ids);
      return new Map(ids.map((id) => [id, id.toUpperCase()]));
    };
    const scope = {};
    const values = await Promise.all([
      loadBatched(scope, 'tags', load, 'a'),
      loadBatched(scope, 'tags', load, 'b'),
      loadBatched(scope, 'tags', load, 'a'),
      loadBatched({}, 'tags', load, 'c'),
    ]);
    expect(values).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b'], ['c']]);
    expect(await loadBatched(scope, 'tags', load, 'd')).toBe('D');
    expect(calls).toHaveLength(3);
  });

  it('passes a failed load on to every caller of the batch', async () => {
    const load = () => Promise.reject(new Error('db down'));
    const scope = {};
    const both = Promise.all([
      loadBatched(scope, 'k', load, 'a'),
      loadBatched(scope, 'k', load, 'b'),
    ]);
    await expect(both).rejects.toThrow('db down');
  });
});
