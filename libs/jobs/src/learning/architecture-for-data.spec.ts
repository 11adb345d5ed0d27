import { describe, expect, it } from 'vitest';
import {
  architectureForData,
  checkArchitectureForData,
  fittingArchitectures,
} from './architecture-for-data.ts';
import { LearningError } from './learning.error.ts';

const sequences = (labelNames: string[], length = 200) => ({
  kind: 'sequence' as const,
  length,
  alphabetSize: 4,
  labelNames,
});
const profiles = (labelNames: string[]) => ({
  kind: 'features' as const,
  length: 500,
  alphabetSize: 1,
  labelNames,
});

describe('architectures for data', () => {
  it('says which architectures read which data, by input kind and head', () => {
    expect(fittingArchitectures(sequences(['0', '1']))).toEqual([
      'deepbind',
      'deepsea',
      'danq',
      'lstm',
      'basset',
    ]);
    expect(fittingArchitectures(sequences(['a', 'b', 'c']))).toEqual(['lstm']);
    expect(fittingArchitectures(profiles(['ALL', 'AML']))).toEqual([
      'mlp',
      'lstm',
      'autoencoder',
      'vae',
    ]);
    // One class: only the reconstruction models, which ignore labels.
    expect(fittingArchitectures(profiles(['x']))).toEqual(['autoencoder', 'vae']);
  });

  it('fills what the labels decide: one sigmoid for two classes, a softmax of k for more', () => {
    expect(
      architectureForData('deepsea', sequences(['0', '1']), { hiddenUnits: 64 }),
    ).toMatchObject({
      architecture: 'deepsea',
      task: 'multitask',
      config: { tasks: 1, hiddenUnits: 64 },
    });
    expect(architectureForData('mlp', profiles(['a', 'b', 'c', 'd']), {})).toMatchObject({
      task: 'multiclass',
      config: { task: 'multiclass', outputs: 4 },
    });
    expect(architectureForData('mlp', profiles(['a', 'b']), { task: 'multiclass' })).toMatchObject({
      task: 'multiclass',
      config: { outputs: 2 },
    });
    expect(architectureForData('vae', profiles(['a']), null)).toMatchObject({
      task: 'reconstruction',
    });
  });

  it('reports every problem with its field and code, or throws them as one LearningError', () => {
    expect(
      checkArchitectureForData('deepbind', sequences(['0', '1']), { filters: 0, dropout: 2 }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'config.filters', code: 'INVALID_CONFIG', message: expect.any(String) },
        { field: 'config.dropout', code: 'INVALID_CONFIG', message: expect.any(String) },
      ],
    });
    expect(checkArchitectureForData('deepsea', sequences(['0', '1']), { tasks: 3 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'config.tasks',
          code: 'INVALID_CONFIG',
          message: 'this data has one binary label per record, so tasks must be 1; got 3',
        },
      ],
    });
    expect(() => architectureForData('mlp', profiles(['a', 'b']), { task: 'regression' })).toThrow(
      new LearningError(
        'INCOMPATIBLE_ARCHITECTURE',
        'architecture "mlp" with this config trains a regression head on numeric targets; this data holds 2 classes; use mlp, lstm, autoencoder, vae',
        'architecture',
      ),
    );
    expect(() => architectureForData('bpnet', sequences(['0', '1']), {})).toThrow(
      /^architecture "bpnet" with this config trains a \w+ head on numeric targets; this data holds 2 classes; use deepbind, deepsea, danq, lstm, basset$/,
    );
    // DeepSEA's default convolutions need more than 101 bp.
    expect(fittingArchitectures(sequences(['0', '1'], 101))).not.toContain('deepsea');
    expect(() => architectureForData('mlp', profiles(['x']), {})).toThrow(
      new LearningError(
        'INVALID_DATA',
        'this data has one label only (x); a classifier needs at least two classes',
      ),
    );
    expect(() => architectureForData('nope', profiles(['a', 'b']), {})).toThrow(
      /^unknown architecture "nope"; known: deepbind, /,
    );
  });
});
