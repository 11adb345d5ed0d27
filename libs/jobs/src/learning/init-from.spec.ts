import { describe, expect, it } from 'vitest';
import { initConfig, initFromProblems, readFreeze, splitInitFrom } from './init-from.ts';

const sequences = {
  kind: 'sequence' as const,
  length: 57,
  alphabetSize: 4,
  labelNames: ['a', 'b'],
};
const expression = {
  kind: 'features' as const,
  length: 3051,
  alphabetSize: 1,
  labelNames: ['ALL', 'AML'],
};

describe('transfer-learning options', () => {
  it('reads freeze rules, locating a bad one', () => {
    expect(readFreeze(undefined)).toEqual({ ok: true, value: 'none' });
    expect(readFreeze(' conv ')).toEqual({ ok: true, value: 'conv' });
    expect(readFreeze('all-but-head')).toEqual({ ok: true, value: 'all-but-head' });
    expect(readFreeze('2')).toEqual({ ok: true, value: 2 });
    expect(readFreeze('0')).toEqual({ ok: true, value: 'none' });
    expect(readFreeze('-1', '--freeze')).toEqual({
      ok: false,
      error: {
        field: '--freeze',
        code: 'INVALID_VALUE',
        message:
          '--freeze must be none, N (the first N layers with weights), conv or all-but-head; got "-1"',
      },
    });
  });

  it("takes the source's trunk config, never its head, under the caller's values", () => {
    expect(
      initConfig(
        { filters: 8, kernelSize: 6, task: 'binary', outputs: 1, tasks: 3 },
        { filters: 4 },
      ),
    ).toEqual({ filters: 4, kernelSize: 6 });
  });

  it('refuses another architecture or another input shape, on initFrom', () => {
    const source = { architecture: 'deepbind', inputLength: 57, ref: 'p@prod' };
    expect(initFromProblems(source, 'deepbind', sequences)).toEqual([]);
    expect(initFromProblems(source, 'basset', sequences)[0]).toMatchObject({
      field: 'initFrom',
      code: 'INCOMPATIBLE_ARCHITECTURE',
    });
    expect(
      initFromProblems(source, 'deepbind', { ...sequences, length: 101 }, 'dataset "x"'),
    ).toEqual([
      {
        field: 'initFrom',
        code: 'INCOMPATIBLE_INPUT',
        message: 'initFrom: model p@prod reads sequences of 57 × 4; dataset "x" has 101 × 4',
      },
    ]);
    const mlp = { architecture: 'mlp', inputLength: 200, ref: 'r1' };
    expect(initFromProblems(mlp, 'mlp', expression, 'dataset "golub"')).toEqual([
      {
        field: 'initFrom',
        code: 'INCOMPATIBLE_INPUT',
        message: 'initFrom: model r1 reads 200 features; dataset "golub" has 3051',
      },
    ]);
    expect(initFromProblems({ ...mlp, inputLength: 3051 }, 'mlp', expression)).toEqual([]);
  });

  it("splits a run's stored options into the source and the rest", () => {
    const stored = {
      weightDecay: 0.01,
      initFrom: { model: 'm@a', runId: 'r', modelVersionId: 'v', path: 'models/r' },
      freeze: 2,
    };
    expect(splitInitFrom(stored)).toEqual({
      initFrom: { model: 'm@a', runId: 'r', modelVersionId: 'v', path: 'models/r', freeze: 2 },
      rest: { weightDecay: 0.01 },
    });
    expect(splitInitFrom({ weightDecay: 0.01 })).toEqual({
      initFrom: null,
      rest: { weightDecay: 0.01 },
    });
    expect(splitInitFrom(null)).toEqual({ initFrom: null, rest: null });
  });
});
