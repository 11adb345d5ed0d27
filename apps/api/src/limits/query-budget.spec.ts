import { describe, expect, it } from 'vitest';
import { QueryBudget } from './query-budget.ts';

describe('QueryBudget', () => {
  it('counts nodes and bytes, and fails once with one shared error', () => {
    let now = 0;
    const budget = new QueryBudget({ maxNodes: 3, maxResponseBytes: 100, maxMs: 1000 }, () => now);
    budget.charge(2, 50);
    expect(() => budget.charge(2, 0)).toThrow(/^the answer is over 3 nodes: ask for fewer items/);
    const first = budget.exceeded;
    expect(first?.extensions.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(() => budget.charge(0, 0)).toThrow(first!);
    budget.reset();
    expect(() => budget.charge(1, 101)).toThrow(/^the answer is over 100 bytes/);
    budget.reset();
    now = 1001;
    expect(() => budget.charge(1, 0)).toThrow(/^the query ran longer than 1 s/);
  });

  it('asks to yield after 10 ms of continuous work', () => {
    let now = 0;
    const budget = new QueryBudget({ maxNodes: 10, maxResponseBytes: 10, maxMs: 1e6 }, () => now);
    now = 5;
    expect(budget.shouldYield()).toBe(false);
    now = 11;
    expect(budget.shouldYield()).toBe(true);
    expect(budget.shouldYield()).toBe(false);
  });
});
