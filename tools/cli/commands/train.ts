import { parseArgs } from 'node:util';
import { oneHotEncodeBatch } from '@strand/genomics';
import {
  accuracy,
  auprc,
  auroc,
  buildModel,
  initBackend,
  isArchitectureName,
  predictProbabilities,
  saveModel,
  trainModel,
  validateArchitectureConfig,
} from '@strand/models';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';
import { holdOut, loadLabelledSequences } from '../sequence-data.ts';
import type { LabelledSet } from '../sequence-data.ts';

const HELP = `usage: strand train --architecture NAME --train FILE [--test FILE] [options]

  --architecture NAME   deepbind (default)
  --train FILE          labelled sequence table: TSV with a header and id, label, sequence columns
  --test FILE           evaluated once at the end; without it a seeded 20% hold-out is used
                        (labels become classes in sorted order; the second is the positive class)
  --epochs N            default 10
  --batch-size N        default 64
  --learning-rate X     default 0.001
  --seed S              default 42
  --config JSON         architecture config, e.g. '{"filters":32}'
  --out DIR             save the model (TF.js layers format + strand.json)
  --json                print the result as JSON`;

/** `strand train`: trains and prints final test metrics (test_auroc, test_auprc, test_accuracy). */
export async function train(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      architecture: { type: 'string', default: 'deepbind' },
      train: { type: 'string' },
      test: { type: 'string' },
      epochs: { type: 'string', default: '10' },
      'batch-size': { type: 'string', default: '64' },
      'learning-rate': { type: 'string', default: '0.001' },
      seed: { type: 'string', default: '42' },
      config: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.train) throw new CliError(`strand train: --train FILE is required\n${HELP}`, 2);
  const epochs = positiveInt('--epochs', values.epochs);
  const batchSize = positiveInt('--batch-size', values['batch-size']);
  const seed = positiveInt('--seed', values.seed, 0);
  const learningRate = Number(values['learning-rate']);
  if (!(learningRate > 0 && learningRate <= 1))
    throw new CliError(
      `strand train: --learning-rate must be in (0, 1]; got "${values['learning-rate']}"`,
      2,
    );
  const out = createOutput(values.json);

  const all = await loadLabelledSequences(values.train);
  let trainSet: LabelledSet;
  let testSet: LabelledSet;
  if (values.test) {
    trainSet = all;
    testSet = await loadLabelledSequences(values.test, all.labelNames);
  } else {
    [trainSet, testSet] = holdOut(all, 0.2, seed);
    out.info(
      `No --test given: holding out a seeded, stratified 20% of ${values.train} (${testSet.sequences.length} sequences) as the test set.`,
    );
  }
  if (trainSet.labelNames.length !== 2) {
    throw new CliError(
      `strand train: ${values.train} has ${trainSet.labelNames.length} labels (${trainSet.labelNames.join(', ')}); this version trains binary classifiers`,
      2,
    );
  }
  const length = trainSet.length;
  const config = values.config ? parseConfig(values.config) : {};
  const checked = validateArchitectureConfig(values.architecture, config, {
    length,
    alphabetSize: 4,
  });
  if (!checked.ok || !isArchitectureName(values.architecture)) {
    const errors = checked.ok ? [] : checked.errors;
    throw new CliError(
      `strand train: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      2,
    );
  }
  const backend = await initBackend();
  out.info(
    `Training ${values.architecture} on ${trainSet.sequences.length} sequences × ${length} bp (backend ${backend}, seed ${seed}).`,
  );
  const model = buildModel({
    architecture: values.architecture,
    config: checked.config,
    inputLength: length,
    alphabetSize: 4,
    seed,
  });
  const data = {
    x: oneHotEncodeBatch(trainSet.sequences, length),
    y: Float32Array.from(trainSet.labels),
    count: trainSet.sequences.length,
    length,
    alphabetSize: 4,
  };
  const result = await trainModel(model, data, {
    epochs,
    batchSize,
    learningRate,
    seed,
    validationFraction: 0.1,
    onBatch: (b) =>
      out.progress(
        `epoch ${b.epoch}/${b.epochs}`,
        b.batch,
        b.batches,
        `loss ${b.loss.toFixed(4)} · ${Math.round(b.samplesPerSecond)} samples/s`,
      ),
    onEpoch: (e) =>
      out.info(
        `epoch ${e.epoch}/${e.epochs}  ${Object.entries(e.metrics)
          .map(([k, v]) => `${k} ${v.toFixed(4)}`)
          .join('  ')}`,
      ),
  });
  const test = {
    x: oneHotEncodeBatch(testSet.sequences, length),
    count: testSet.sequences.length,
    length,
    alphabetSize: 4,
  };
  const probs = predictProbabilities(model, test);
  const metrics = {
    test_auroc: auroc(testSet.labels, probs),
    test_auprc: auprc(testSet.labels, probs),
    test_accuracy: accuracy(testSet.labels, probs),
  };
  if (values.out) {
    await saveModel(model, values.out, {
      architecture: values.architecture,
      config: checked.config,
      alphabet: 'ACGT',
      inputLength: length,
      labelNames: trainSet.labelNames,
      seed,
      backend,
      dataChecksum: trainSet.checksum,
      createdAt: new Date().toISOString(),
    });
    out.info(`Model saved to ${values.out}`);
  }
  model.dispose();
  out.result(
    {
      architecture: values.architecture,
      backend,
      seed,
      epochs: result.history.length,
      train: trainSet.sequences.length,
      test: testSet.sequences.length,
      labels: trainSet.labelNames,
      metrics,
    },
    (r) =>
      Object.entries(r.metrics)
        .map(([k, v]) => `${k}\t${v.toFixed(4)}`)
        .join('\n'),
  );
  return 0;
}

function positiveInt(flag: string, raw: string | undefined, min = 1): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`strand train: ${flag} must be an integer ≥ ${min}; got "${raw}"`, 2);
  return n;
}

function parseConfig(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new CliError(`strand train: --config must be a JSON object, e.g. '{"filters":32}'`, 2);
}
