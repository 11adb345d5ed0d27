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
    // Three classes: a softmax head on every sequence architecture.
    expect(fittingArchitectures(sequences(['a', 'b', 'c']))).toEqual([
      'deepbind',
      'deepsea',
      'danq',
      'lstm',
      'basset',
    ]);
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
    for (const name of ['deepsea', 'basset', 'danq']) {
      expect(architectureForData(name, sequences(['a', 'b', 'c']), {})).toMatchObject({
        task: 'multiclass',
        config: { task: 'multiclass', tasks: 3 },
      });
    }
    expect(architectureForData('deepbind', sequences(['a', 'b', 'c']), {})).toMatchObject({
      task: 'multiclass',
      config: { task: 'multiclass', outputs: 3 },
    });
    expect(architectureForData('deepbind', sequences(['a', 'b']), {})).toMatchObject({
      task: 'binary',
      config: { task: 'binary', outputs: 1 },
    });
    expect(
      checkArchitectureForData('deepsea', sequences(['a', 'b', 'c']), {
        task: 'multiclass',
        tasks: 2,
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'config.tasks',
          code: 'INVALID_CONFIG',
          message: 'this data has 3 classes, so a softmax head needs tasks = 3; got 2',
        },
      ],
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
        'architecture "mlp" with this config trains a regression head on numeric targets (here: the log total counts of a count profile); this data holds profiles of 500 features in 2 classes; use mlp, lstm, autoencoder, vae',
        'architecture',
      ),
    );
    expect(() => architectureForData('bpnet', sequences(['0', '1']), {})).toThrow(
      'architecture "bpnet" trains profile + counts heads on per-position read counts, a count column (counts: one count per position, comma-separated; tracks separated by ";"); this data holds one-hot sequences of 200 bp in 2 classes; use deepbind, deepsea, danq, lstm, basset',
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

  it('fits several 0/1 label columns with one sigmoid each, and names what does not fit', () => {
    const multitask = { ...sequences(['0', '1']), tasks: ['label_a', 'label_b', 'label_c'] };
    expect(fittingArchitectures(multitask)).toEqual([
      'deepbind',
      'deepsea',
      'danq',
      'lstm',
      'basset',
    ]);
    expect(architectureForData('deepsea', multitask, {})).toMatchObject({
      task: 'multitask',
      config: { tasks: 3 },
    });
    expect(architectureForData('lstm', multitask, {})).toMatchObject({
      task: 'multitask',
      config: { task: 'multitask', outputs: 3 },
    });
    expect(architectureForData('deepbind', multitask, {})).toMatchObject({
      task: 'multitask',
      config: { task: 'multitask', outputs: 3 },
    });
    expect(() => architectureForData('deepbind', multitask, { task: 'binary' })).toThrow(
      new LearningError(
        'INCOMPATIBLE_ARCHITECTURE',
        '3 label columns need one sigmoid output each (a multitask head); architecture "deepbind" has one sigmoid output; use deepbind, deepsea, danq, lstm, basset',
        'architecture',
      ),
    );
    expect(checkArchitectureForData('basset', multitask, { tasks: 2 })).toEqual({
      ok: false,
      errors: [
        {
          field: 'config.tasks',
          code: 'INVALID_CONFIG',
          message: 'this data has 3 label columns (0/1), so tasks must be 3; got 2',
        },
      ],
    });
  });

  it('gives DeepCpG the feature columns as its second input, and refuses them to the others', () => {
    const cpg = Array.from({ length: 20 }, (_, i) => `cpg_${i + 1}`);
    const withCpg = { ...sequences(['0', '1'], 60), extraFeatures: cpg };
    expect(fittingArchitectures(withCpg)).toEqual(['deepcpg']);
    expect(architectureForData('deepcpg', withCpg, { filters: 8 })).toMatchObject({
      task: 'multitask',
      config: { cpgFeatures: 20, tasks: 1, filters: 8 },
    });
    expect(
      architectureForData('deepcpg', { ...withCpg, tasks: ['a', 'b'] }, {}).config,
    ).toMatchObject({ tasks: 2 });
    expect(() => architectureForData('deepbind', withCpg, {})).toThrow(
      'architecture "deepbind" reads no second input, but this data has 20 feature columns (cpg_1, …, cpg_20) for one; leave them out to train deepbind; use deepcpg',
    );
    expect(() => architectureForData('deepcpg', sequences(['0', '1'], 60), {})).toThrow(
      'architecture "deepcpg" reads sequence+cpg input (one-hot DNA plus numeric feature columns of the sequence table as a second input, such as neighbouring CpG states (featureColumns, --feature-columns)); this data has no feature columns: this data holds one-hot sequences of 60 bp in 2 classes (sequence-classification data); use deepbind, danq, lstm, basset',
    );
    expect(checkArchitectureForData('deepcpg', withCpg, { cpgFeatures: 4 })).toMatchObject({
      ok: false,
      errors: [{ field: 'config.cpgFeatures', code: 'INVALID_CONFIG' }],
    });
  });

  it('trains BPNet on a count profile (tasks = its tracks), and nothing else on one without labels', () => {
    const profile = { ...sequences([], 100), profile: { column: 'counts', tracks: 2 } };
    expect(fittingArchitectures(profile)).toEqual(['bpnet']);
    expect(architectureForData('bpnet', profile, {})).toMatchObject({
      task: 'profile',
      config: { tasks: 2, heads: 'profile+counts' },
    });
    expect(architectureForData('bpnet', profile, { heads: 'counts' })).toMatchObject({
      task: 'regression',
      config: { tasks: 2 },
    });
    expect(architectureForData('lstm', profile, { task: 'regression' })).toMatchObject({
      task: 'regression',
      config: { outputs: 2 },
    });
    // The sequence CNNs carry a regression head too (one linear output per track).
    expect(architectureForData('deepbind', profile, { task: 'regression' })).toMatchObject({
      task: 'regression',
      config: { outputs: 2 },
    });
    expect(architectureForData('danq', profile, { task: 'regression' })).toMatchObject({
      task: 'regression',
      config: { tasks: 2 },
    });
    expect(() => architectureForData('deepsea', profile, {})).toThrow(
      new LearningError(
        'INCOMPATIBLE_ARCHITECTURE',
        'architecture "deepsea" trains a classifier on a label column; this data holds one-hot sequences of 100 bp with a count profile of 2 tracks and no labels (sequence-regression data); use bpnet',
        'architecture',
      ),
    );
    expect(checkArchitectureForData('bpnet', profile, { tasks: 1 })).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'config.tasks',
          message: 'this data has a count profile of 2 tracks, so tasks must be 2; got 1',
        },
      ],
    });
  });

  it('sends the risk model to the risk pipeline', () => {
    expect(() => architectureForData('risk', profiles(['case', 'control']), {})).toThrow(
      /^architecture "risk" reads multimodal input \(an expression profile plus variant features as a second input\), which no dataset kind holds: it trains on an expression dataset joined with a variants dataset through the PREDICT_RISK job \(predictRisk in the API\) or `strand risk`; this data holds profiles of 500 features in 2 classes \(expression data\); use mlp, lstm, autoencoder, vae$/,
    );
  });
});
