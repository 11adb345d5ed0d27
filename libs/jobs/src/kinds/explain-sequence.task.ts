/**
 * The worker-thread half of EXPLAIN_SEQUENCE (see explain-sequence.kind.ts): loads the model,
 * picks one of its outputs, and attributes each sequence's prediction to its positions × bases
 * with the chosen method — the same library functions `strand explain` calls, with the same
 * rounding (6 significant digits), so a job and the CLI give the same numbers.
 */
import { oneHotEncodeBatch, openText } from '@strand/genomics';
import {
  deepLiftShap,
  gradientTimesInput,
  initBackend,
  inSilicoMutagenesis,
  integratedGradients,
  loadModel,
  saliency,
} from '@strand/models';
import * as tf from '@tensorflow/tfjs';
import { JobError } from '../platform/job-kind.ts';
import type { WorkerTools } from '../platform/run-in-worker.ts';
import { taskNames } from '../scoring/score-rows.ts';
import { isStoreTable } from '../datasets/sequence-store.ts';
import { firstStoredSequences } from '../datasets/sequence-store-reader.ts';
import type { StoredSequenceRecord } from '../datasets/sequence-store-reader.ts';

export const EXPLAIN_METHODS = [
  'ism',
  'saliency',
  'gradxinput',
  'ig',
  'deeplift',
  'deepshap',
] as const;
export type ExplainMethod = (typeof EXPLAIN_METHODS)[number];

/** Positions listed per sequence in `topPositions`. */
export const TOP_POSITIONS = 10;

export interface ExplainTaskInput {
  modelDir: string;
  method: ExplainMethod;
  /** Which model output to explain (0-based). */
  task: number;
  /**
   * Sequences given inline or read from a reference at regions (with their coordinates), or null
   * to read `limit` records of `datasetFile`.
   */
  sequences: StoredSequenceRecord[] | null;
  /** A stored sequence table (`id	label	sequence`), and its dataset's name for messages. */
  datasetFile: string | null;
  datasetName: string | null;
  limit: number;
}

/** One sequence's attributions. */
export interface SequenceExplanation {
  id: string;
  /**
   * Where the sequence lies, for regions and the records of an intervals dataset: 1-based,
   * inclusive; on `-` the sequence (and its positions) run from `end` down to `start`.
   */
  chrom?: string;
  start?: number;
  end?: number;
  strand?: '+' | '-';
  /** The model's output (the chosen task) for the sequence. */
  prediction: number;
  /**
   * The value the scores explain: the prediction, or for DeepLIFT / DeepSHAP its logit (the
   * output layer's value before its sigmoid).
   */
  explained: number;
  /**
   * IG, DeepLIFT, DeepSHAP: the explained value at the baseline (the mean over DeepSHAP's
   * references), and |Σ scores − (explained − reference)|, the summation-to-delta error (for
   * DeepSHAP the largest of any reference). Null for the other methods.
   */
  reference: number | null;
  convergenceDelta: number | null;
  /** [length][A, C, G, T]. */
  scores: number[][];
  /** One number per position (see `summary` of the result). */
  positionScores: number[];
  /** The TOP_POSITIONS positions of largest |positionScore|, largest first (1-based). */
  topPositions: { position: number; score: number }[];
}

export interface ExplainTaskResult {
  method: ExplainMethod;
  task: number;
  taskName: string;
  backend: string;
  inputLength: number;
  /** How positionScores summarise a position's four scores. */
  summary: 'max |effect|' | 'max' | 'sum';
  /** What the scores explain: the model's output, or its logit (DeepLIFT, DeepSHAP). */
  target: 'output' | 'logit';
  sequences: SequenceExplanation[];
}

const round = (x: number) => Number(x.toPrecision(6));

const SUMMARY: Record<ExplainMethod, ExplainTaskResult['summary']> = {
  // ISM: the largest change any substitution makes; saliency is already |gradient|; gradient ×
  // input and IG (zero baseline) are non-zero only at the base present: their sum is its score.
  ism: 'max |effect|',
  saliency: 'max',
  gradxinput: 'sum',
  ig: 'sum',
  // DeepLIFT / DeepSHAP scores are the contributions of the bases present (tangermeme's
  // non-hypothetical attributions): their sum is the position's contribution.
  deeplift: 'sum',
  deepshap: 'sum',
};

/**
 * DeepLIFT takes one reference, the sequence's own base composition at every position (the
 * reference of DeepLIFT's genomics examples); DeepSHAP averages 20 seeded dinucleotide shuffles.
 */
export const DEEPLIFT_OPTIONS = {
  deeplift: { references: 'composition' },
  deepshap: { references: 'shuffle', shuffles: 20, seed: 1 },
} as const;

/** Explains each sequence; progress counts sequences, abort is honoured between them. */
export async function explainTask(
  input: ExplainTaskInput,
  { progress, signal }: WorkerTools,
): Promise<ExplainTaskResult> {
  const backend = await initBackend();
  const records = input.sequences ?? (await readRecords(input));
  const { model, metadata } = await loadModel(input.modelDir);
  const outputs = model.outputs[0]?.shape[1] ?? 1;
  const lifted = input.method === 'deeplift' || input.method === 'deepshap';
  // DeepLIFT picks its output column itself (and strips the output's sigmoid for the logit),
  // so it reads the model as it is.
  const selected =
    lifted || (input.task === 0 && outputs === 1) ? model : selectOutput(model, input.task);
  try {
    if (input.task >= outputs) {
      throw new JobError(
        `task ${input.task} is out of range: the model has ${outputs} output${outputs === 1 ? '' : 's'} (0 to ${outputs - 1})`,
      );
    }
    const explained: SequenceExplanation[] = lifted
      ? explainLifted(model, records, input, progress, signal)
      : records.map(({ id, sequence }, i) => {
          if (signal.aborted) throw new JobError('aborted');
          progress({ done: i, total: records.length, unit: 'sequences' });
          return explainOne(selected, id, sequence, input.method);
        });
    const sequences = explained.map((e, i) => withCoordinates(e, records[i]));
    return {
      method: input.method,
      task: input.task,
      taskName: taskNames(metadata.labelNames, outputs)[input.task] ?? `task${input.task}`,
      backend,
      inputLength: metadata.inputLength,
      summary: SUMMARY[input.method],
      target: lifted ? 'logit' : 'output',
      sequences,
    };
  } finally {
    // The wrapper holds every layer of the model: disposing it disposes them all (disposing
    // both fails on the shared layers).
    selected.dispose();
  }
}

/** An explanation with its record's coordinates, when the record has them. */
function withCoordinates(e: SequenceExplanation, r: StoredSequenceRecord | undefined) {
  if (!r || r.chrom === undefined || r.start === undefined || r.end === undefined) return e;
  const { id, ...rest } = e;
  return { id, chrom: r.chrom, start: r.start, end: r.end, strand: r.strand ?? '+', ...rest };
}

/** DeepLIFT / DeepSHAP of every record at once (passes batch sequence–reference pairs). */
function explainLifted(
  model: tf.LayersModel,
  records: { id: string; sequence: string }[],
  input: ExplainTaskInput,
  progress: WorkerTools['progress'],
  signal: AbortSignal,
): SequenceExplanation[] {
  const options = DEEPLIFT_OPTIONS[input.method as 'deeplift' | 'deepshap'];
  const result = deepLiftShap(
    model,
    records.map((r) => r.sequence),
    {
      ...options,
      task: input.task,
      onProgress: (done, total) => {
        if (signal.aborted) throw new JobError('aborted');
        progress({
          done: (done / total) * records.length,
          total: records.length,
          unit: 'sequences',
        });
      },
    },
  );
  const predictions = tf.tidy(() => {
    const x = tf.tensor3d(
      oneHotEncodeBatch(
        records.map((r) => r.sequence),
        result.length,
      ),
      [records.length, result.length, 4],
    );
    return (model.predict(x) as tf.Tensor).slice([0, input.task], [-1, 1]).reshape([-1]);
  });
  const predicted = predictions.dataSync();
  predictions.dispose();
  const size = result.length * 4;
  return records.map(({ id }, s) =>
    summarise(id, result.contributions.subarray(s * size, (s + 1) * size), 'sum', {
      prediction: predicted[s] as number,
      explained: result.outputs[s] as number,
      reference: result.referenceOutputs[s] as number,
      convergenceDelta: result.convergenceDelta[s] as number,
    }),
  );
}

function explainOne(
  model: tf.LayersModel,
  id: string,
  sequence: string,
  method: ExplainMethod,
): SequenceExplanation {
  if (method === 'ism') {
    const { ref, scores } = inSilicoMutagenesis(model, sequence);
    return summarise(id, scores, SUMMARY.ism, plain(ref));
  }
  if (method === 'ig') {
    const r = integratedGradients(model, sequence);
    return summarise(id, r.scores, 'sum', {
      ...plain(r.output),
      reference: r.baselineOutput,
      convergenceDelta: Math.abs(r.delta),
    });
  }
  const attribution =
    method === 'saliency' ? saliency(model, sequence) : gradientTimesInput(model, sequence);
  return summarise(id, attribution.scores, SUMMARY[method], plain(attribution.output));
}

type Values = Pick<
  SequenceExplanation,
  'prediction' | 'explained' | 'reference' | 'convergenceDelta'
>;

const plain = (output: number): Values => ({
  prediction: output,
  explained: output,
  reference: null,
  convergenceDelta: null,
});

/** Rounds the matrix and sums each position up as `summary` says. */
function summarise(
  id: string,
  values: Float32Array,
  summary: ExplainTaskResult['summary'],
  numbers: Values,
): SequenceExplanation {
  const scores: number[][] = [];
  const positionScores: number[] = [];
  for (let p = 0; p < values.length / 4; p++) {
    const row = Array.from(values.subarray(p * 4, p * 4 + 4), round);
    scores.push(row);
    positionScores.push(
      summary === 'max |effect|'
        ? Math.max(...row.map(Math.abs))
        : summary === 'max'
          ? Math.max(...row)
          : round(row.reduce((a, b) => a + b, 0)),
    );
  }
  const topPositions = positionScores
    .map((score, p) => ({ position: p + 1, score }))
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.position - b.position)
    .slice(0, TOP_POSITIONS);
  return {
    id,
    prediction: round(numbers.prediction),
    explained: round(numbers.explained),
    reference: numbers.reference === null ? null : round(numbers.reference),
    convergenceDelta:
      numbers.convergenceDelta === null ? null : Number(numbers.convergenceDelta.toPrecision(3)),
    scores,
    positionScores,
    topPositions,
  };
}

/**
 * A model whose one output is output `task` of `model`, for the interpretation functions (which
 * explain a single value). The selection is a fixed linear layer with weight 1 on that output and
 * 0 elsewhere: exact (x·1 + Σ 0·y = x), and gradients flow through it unchanged.
 */
function selectOutput(model: tf.LayersModel, task: number): tf.LayersModel {
  const outputs = model.outputs[0]?.shape[1] ?? 1;
  if (task >= outputs) return model; // reported by the caller
  const pick = tf.layers.dense({
    units: 1,
    useBias: false,
    trainable: false,
    kernelInitializer: 'zeros',
    name: `strand_select_task_${task}`,
  });
  const output = pick.apply(model.outputs[0]) as tf.SymbolicTensor;
  const weights = new Float32Array(outputs);
  weights[task] = 1;
  const kernel = tf.tensor2d(weights, [outputs, 1]);
  pick.setWeights([kernel]);
  kernel.dispose();
  return tf.model({ inputs: model.inputs, outputs: output });
}

/** The first `limit` records of a stored sequence table. */
async function readRecords(input: ExplainTaskInput): Promise<StoredSequenceRecord[]> {
  const label = input.datasetName ?? 'dataset';
  if (!input.datasetFile) throw new JobError('no sequences to explain');
  if (isStoreTable(input.datasetFile)) return firstStoredSequences(input.datasetFile, input.limit);
  // A dataset stored before the store existed: a sequences.tsv.
  const records: StoredSequenceRecord[] = [];
  for await (const { line, number } of openText(input.datasetFile, { label })) {
    if (number === 1 || line === '') continue;
    const cells = line.split('\t');
    if (cells.length !== 3)
      throw new JobError(`${label}:${number}: not an id, label, sequence row`);
    records.push({ id: cells[0], sequence: cells[2] });
    if (records.length === input.limit) break;
  }
  return records;
}
