import {
  ARCHITECTURES,
  architectureTask,
  buildModel,
  isArchitectureName,
  predictOutputs,
  taskMetrics,
  trainModel,
  validateArchitectureConfig,
} from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  BatchReport,
  EpochReport,
} from '@strand/models';
import type * as tf from '@tensorflow/tfjs';
import { CliError } from '../cli-error.ts';
import type { LabelledData } from './labelled-data.ts';

export interface FitOptions {
  architecture: string;
  config: Record<string, unknown>;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  onBatch?: (report: BatchReport) => void;
  onEpoch?: (report: EpochReport) => void;
}

export interface FitResult {
  architecture: ArchitectureName;
  config: ArchitectureConfig;
  task: ArchitectureTask;
  model: tf.LayersModel;
  epochs: number;
  /** test_* metrics of the task (see taskMetrics), plus per-class accuracy for multiclass. */
  metrics: Record<string, number>;
}

/**
 * Fills what the data decides: the input kind must suit the architecture; two classes train a
 * single sigmoid (`tasks: 1` on multitask architectures), more than two a softmax head
 * (`task: multiclass`, `outputs: k`) where the architecture has one.
 */
function configFor(
  name: ArchitectureName,
  data: LabelledData,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const definition = ARCHITECTURES[name];
  const wantsSequence = definition.inputKind === 'sequence';
  if (
    wantsSequence !== (data.kind === 'sequence') ||
    !['sequence', 'features'].includes(definition.inputKind)
  ) {
    throw new CliError(
      `strand: architecture "${name}" takes ${definition.inputKind} input; this data is ${data.kind === 'sequence' ? 'sequences' : 'an expression matrix'}`,
      2,
    );
  }
  const fields = Object.keys(definition.defaults);
  const k = data.labelNames.length;
  if (k < 2)
    throw new CliError(
      `strand: the training data has one label only (${data.labelNames[0]}); need at least two classes`,
      2,
    );
  const config: Record<string, unknown> = { ...given };
  if (k === 2) {
    if (fields.includes('tasks')) config.tasks ??= 1;
    if (fields.includes('task')) config.task ??= 'binary';
  } else {
    if (!fields.includes('task') || !fields.includes('outputs')) {
      throw new CliError(
        `strand: ${k} classes need a softmax head; "${name}" has none (use mlp or lstm)`,
        2,
      );
    }
    config.task ??= 'multiclass';
    config.outputs ??= k;
  }
  return config;
}

/** Trains on `train` (10% of it held out for validation and early stopping) and scores `test`. */
export async function fitAndEvaluate(
  train: LabelledData,
  test: LabelledData,
  o: FitOptions,
): Promise<FitResult> {
  if (!isArchitectureName(o.architecture)) {
    throw new CliError(
      `strand: unknown architecture "${o.architecture}"; known: ${Object.keys(ARCHITECTURES).join(', ')}`,
      2,
    );
  }
  const name = o.architecture;
  const input = { length: train.length, alphabetSize: train.alphabetSize };
  const checked = validateArchitectureConfig(name, configFor(name, train, o.config), input);
  if (!checked.ok)
    throw new CliError(
      `strand: ${checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      2,
    );
  const task = architectureTask(name, checked.config);
  const model = buildModel({
    architecture: name,
    config: checked.config,
    inputLength: train.length,
    alphabetSize: train.alphabetSize,
    seed: o.seed,
  });
  const asData = (d: LabelledData) => ({
    x: d.x,
    y: Float32Array.from(d.labels),
    count: d.count,
    length: d.length,
    alphabetSize: d.alphabetSize,
  });
  const result = await trainModel(model, asData(train), {
    task,
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    seed: o.seed,
    validationFraction: train.count >= 50 ? 0.1 : 0,
    earlyStopping:
      train.count >= 50
        ? { monitor: 'val_loss', patience: 5, restoreBestWeights: true }
        : undefined,
    onBatch: o.onBatch,
    onEpoch: o.onEpoch,
  });
  const { values, width } = predictOutputs(model, asData(test));
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(
    taskMetrics(task, Float32Array.from(test.labels), values, width),
  )) {
    metrics[key.replace(/^val_/, 'test_')] = value;
  }
  if (task === 'multiclass') {
    test.labelNames.forEach((label, c) => {
      const rows = [...test.labels.keys()].filter((i) => test.labels[i] === c);
      const right = rows.filter((i) => argmax(values, i * width, width) === c).length;
      metrics[`test_recall_${label}`] = rows.length ? right / rows.length : Number.NaN;
    });
  }
  return {
    architecture: name,
    config: checked.config,
    task,
    model,
    epochs: result.history.length,
    metrics,
  };
}

function argmax(values: Float32Array, at: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[at + j] > values[at + best]) best = j;
  return best;
}
