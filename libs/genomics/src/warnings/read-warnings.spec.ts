import { describe, expect, it } from 'vitest';
import { ReaderIssues } from './reader-issues.ts';
import { ReadWarnings } from './read-warnings.ts';

describe('ReadWarnings', () => {
  it('counts every warning per rule and keeps only the first few, in order', () => {
    const warnings = new ReadWarnings(2);
    for (let line = 1; line <= 1_000_000; line++) {
      warnings.add({ rule: 'a', file: 'f', line, message: `m${line}` });
    }
    warnings.add({ rule: 'b', file: 'f', line: 7, message: 'b' });
    expect(warnings.total).toBe(1_000_001);
    expect(warnings.summary()).toEqual([
      {
        rule: 'a',
        count: 1_000_000,
        examples: [
          { rule: 'a', file: 'f', line: 1, message: 'm1' },
          { rule: 'a', file: 'f', line: 2, message: 'm2' },
        ],
      },
      { rule: 'b', count: 1, examples: [{ rule: 'b', file: 'f', line: 7, message: 'b' }] },
    ]);
  });
});

describe('ReaderIssues', () => {
  const tolerated = { id: 'x-tolerated', strict: 'error' as const };
  const advice = { id: 'x-advice', strict: 'warning' as const };

  it('sends "problem; action" to the sink, or nowhere without one', () => {
    const warnings = new ReadWarnings();
    new ReaderIssues('a.txt', { warnings }).warn(3, tolerated, 'bad thing', 'did this');
    new ReaderIssues('a.txt').warn(3, tolerated, 'dropped', 'nowhere');
    expect(warnings.summary()[0].examples).toEqual([
      { rule: 'x-tolerated', file: 'a.txt', line: 3, message: 'bad thing; did this' },
    ]);
  });

  it('throws file:line: problem in strict mode for rules that are errors there, only those', () => {
    const warnings = new ReadWarnings();
    const strict = new ReaderIssues('a.txt', { strict: true, warnings });
    expect(() => strict.warn(3, tolerated, 'bad thing', 'did this')).toThrow('a.txt:3: bad thing');
    strict.warn(4, advice, 'advice', 'read it');
    expect(warnings.total).toBe(1);
  });
});
