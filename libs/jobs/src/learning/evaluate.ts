import {
  headMetrics,
  layoutHeads,
  predictOutputs,
  predictStream,
  taskMetrics,
} from '@strand/models';
import { reverseComplementRows } from '@strand/genomics';
import type { TrainingData } from '@strand/models';
import { subset } from './data-rows.ts';
import { applyExtraScaling, applyFeatureScaling } from './feature-scaling.ts';
import type { FitResult } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';
import { rowsOf } from './holdout-split.ts';
import { trainingData } from './model-data.ts';
import type { DataSource } from './store-source.ts';
import { isStoreSource, loadSource, sourceStream } from './store-source.ts';

type Trained = Pick<FitResult, 'model' | 'task' | 'scaling'> &
  Partial<Pick<FitResult, 'extraScaling' | 'heads' | 'rcAverage'>>;

/** Test records by actual class (rows) and predicted class (columns), as sklearn lays it out. */
export interface ConfusionMatrix {
  /** Class names, in class-index order: the rows' and the columns' order. */
  labels: string[];
  /** counts[actual][predicted]. */
  counts: number[][];
}

/** What a trained model scores on a test set. */
export interface Evaluation {
  /** test_* metrics (see evaluate). */
  metrics: Record<string, number>;
  /** The confusion matrix of a softmax head; null for other tasks. */
  confusionMatrix: ConfusionMatrix | null;
}

/**
 * Test metrics of a trained model on `test` (scaled as in training): the task's metrics as
 * `test_*` (see @strand/models taskMetrics; reconstruction compares the output with the input;
 * a multi-output model's per head, as headMetrics names them: test_profile_pearson,
 * test_counts_pearson, …), plus for a softmax head `test_recall_<class>` and the one-vs-rest
 * `test_auroc_<class>` per class.
 */
export function evaluate(trained: Trained, test: LabelledData): Record<string, number> {
  return evaluation(trained, test).metrics;
}

/** As evaluate, with the confusion matrix of a softmax head beside the metrics. */
export function evaluation(trained: Trained, test: LabelledData): Evaluation {
  const scaled = applyExtraScaling(
    applyFeatureScaling(test, trained.scaling),
    trained.extraScaling ?? null,
  );
  const data = trainingData(scaled, trained.task);
  const { values, width } = trained.rcAverage
    ? rcAveragedOutputs(trained.model, data)
    : predictOutputs(trained.model, data);
  const raw = trained.heads
    ? headMetrics(
        layoutHeads(trained.heads, trained.model, data, []),
        data.y,
        data.labelWidth ?? 1,
        values,
      )
    : taskMetrics(
        trained.task,
        trained.task === 'reconstruction' ? scaled.x : data.y,
        values,
        width,
      );
  return testMetrics(trained, raw, values, width, test.labels, test.labelNames);
}

/**
 * evaluate on the rows of `source` in `rows` (a 0/1 mask): a stored table streams through the
 * model in stored order (memory: a batch and the predictions), data in memory is subset. A
 * multi-output model (profile heads) reads them in memory, as it trained.
 */
export async function evaluateRows(
  trained: Trained,
  source: DataSource,
  rows: Uint8Array,
): Promise<Evaluation> {
  // Test-time reverse-complement averaging reads the test rows in memory (both strands).
  if (
    !isStoreSource(source) ||
    trained.heads ||
    trained.task === 'reconstruction' ||
    trained.rcAverage
  ) {
    return evaluation(trained, subset(await loadSource(source), rowsOf(rows, 1)));
  }
  const stream = sourceStream(source, rows, trained.task, 0, trained.extraScaling ?? null);
  const { values, width, y } = await predictStream(trained.model, stream);
  const raw = taskMetrics(trained.task, y, values, width);
  const labels = trained.task === 'multiclass' ? Uint8Array.from(y) : new Uint8Array(0);
  return testMetrics(trained, raw, values, width, labels, source.labelNames);
}

/**
 * `val_*` metrics renamed `test_*`; for a softmax head, recall and one-vs-rest AUROC per class
 * and the confusion matrix of `labels` (actual class per row) against the argmax of `values`.
 */
function testMetrics(
  trained: Trained,
  raw: Record<string, number>,
  values: Float32Array,
  width: number,
  labels: ArrayLike<number>,
  labelNames: readonly string[],
): Evaluation {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Per-class cells and AUROCs by class index are named by class below.
    if (trained.task === 'multiclass' && /^val_(confusion_|auroc_c)/.test(key)) continue;
    metrics[key.replace(/^val_/, 'test_')] = value;
  }
  if (trained.task !== 'multiclass') return { metrics, confusionMatrix: null };
  const k = labelNames.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < labels.length; i++) {
    (counts[labels[i] as number] as number[])[argmax(values, i * width, width)]++;
  }
  labelNames.forEach((label, c) => {
    const row = counts[c] as number[];
    const rows = row.reduce((a, b) => a + b, 0);
    metrics[`test_recall_${label}`] = rows ? (row[c] as number) / rows : Number.NaN;
    metrics[`test_auroc_${label}`] = raw[`val_auroc_c${c}`] ?? Number.NaN;
  });
  return { metrics, confusionMatrix: { labels: [...labelNames], counts } };
}

/**
 * Test-time reverse-complement averaging: the mean of the outputs on each sequence and on its
 * reverse complement (one-hot ACGT rows, the first input).
 */
export function rcAveragedOutputs(
  model: Parameters<typeof predictOutputs>[0],
  data: TrainingData,
): { values: Float32Array; width: number } {
  const forward = predictOutputs(model, data);
  const x = data.x.slice();
  reverseComplementRows(x, data.count, data.length, () => true);
  const reverse = predictOutputs(model, { ...data, x });
  const values = new Float32Array(forward.values.length);
  for (let i = 0; i < values.length; i++) {
    values[i] = ((forward.values[i] as number) + (reverse.values[i] as number)) / 2;
  }
  return { values, width: forward.width };
}

function argmax(values: Float32Array, at: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[at + j] > values[at + best]) best = j;
  return best;
}
