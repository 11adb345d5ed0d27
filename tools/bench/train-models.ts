/** The four training benchmarks' models and default sizes (Strand side; torch/models.py mirrors them). */
import type { ArchitectureTask, ModelSpec } from '@strand/models';
import { DANQ_DEFAULTS } from '@strand/models';

export type TrainBenchModel = 'deepbind' | 'danq' | 'deepsea' | 'basset';
export const TRAIN_BENCH_MODELS: readonly TrainBenchModel[] = [
  'deepbind',
  'danq',
  'deepsea',
  'basset',
];

interface BenchDefaults {
  config: Record<string, unknown>;
  /** Sequence length, sequences per epoch and epochs timed. */
  len: number;
  n: number;
  epochs: number;
  task: ArchitectureTask;
}

/**
 * DeepBind and DanQ at the sizes of the original small benchmarks (overhead-bound); DeepSEA
 * (Zhou & Troyanskaya 2015: conv 320/480/960 of width 8, pools of 4, dense 925, 919 tasks,
 * 1,000 bp) and Basset (Kelley et al. 2016: conv 300×19, 200×11, 200×7, pools 3/4/4, dense
 * 1000/1000, 164 tasks, 600 bp) at their papers' sizes (compute-bound).
 */
export const TRAIN_BENCH_DEFAULTS: Record<TrainBenchModel, BenchDefaults> = {
  deepbind: {
    config: { filters: 64, kernelSize: 12, hiddenUnits: 32, dropout: 0.2 },
    len: 101,
    n: 2000,
    epochs: 2,
    task: 'binary',
  },
  danq: { config: { ...DANQ_DEFAULTS }, len: 101, n: 1000, epochs: 1, task: 'multitask' },
  deepsea: {
    config: {
      filters: [320, 480, 960],
      kernelSize: 8,
      poolSize: 4,
      dropout: 0.2,
      finalDropout: 0.5,
      hiddenUnits: 925,
      tasks: 919,
    },
    len: 1000,
    n: 256,
    epochs: 1,
    task: 'multitask',
  },
  basset: {
    config: {
      filters: [300, 200, 200],
      kernelSizes: [19, 11, 7],
      poolSizes: [3, 4, 4],
      hiddenUnits: [1000, 1000],
      dropout: 0.3,
      tasks: 164,
    },
    len: 600,
    n: 512,
    epochs: 1,
    task: 'multitask',
  },
};

export function trainBenchSpec(model: TrainBenchModel, len: number): ModelSpec {
  return {
    architecture: model,
    config: structuredClone(TRAIN_BENCH_DEFAULTS[model].config),
    inputLength: len,
    alphabetSize: 4,
    seed: 0,
  };
}

/** Label columns of the model (the output layer's width). */
export function labelWidth(model: TrainBenchModel): number {
  const tasks = TRAIN_BENCH_DEFAULTS[model].config['tasks'];
  return typeof tasks === 'number' ? tasks : 1;
}
