import {
  headMetrics,
  layoutHeads,
  predictOutputs,
  predictStream,
  taskMetrics,
} from '@strand/models';
import { subset } from './data-rows.ts';
import { applyExtraScaling, applyFeatureScaling } from './feature-scaling.ts';
import type { FitResult } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';
import { rowsOf } from './holdout-split.ts';
import { trainingData } from './model-data.ts';
import type { DataSource } from './store-source.ts';
import { isStoreSource, loadSource, sourceStream } from './store-source.ts';

type Trained = Pick<FitResult, 'model' | 'task' | 'scaling'> &
  Partial<Pick<FitResult, 'extraScaling' | 'heads'>>;

/**
 * Test metrics of a trained model on `test` (scaled as in training): the task's metrics as
 * `test_*` (see @strand/models taskMetrics; reconstruction compares the output with the input;
 * a multi-output model's per head, as headMetrics names them: test_profile_pearson,
 * test_counts_pearson, …), plus `test_recall_<class>` per class for a softmax head.
 */
export function evaluate(trained: Trained, test: LabelledData): Record<string, number> {
  const scaled = applyExtraScaling(
    applyFeatureScaling(test, trained.scaling),
    trained.extraScaling ?? null,
  );
  const data = trainingData(scaled, trained.task);
  const { values, width } = predictOutputs(trained.model, data);
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
): Promise<Record<string, number>> {
  if (!isStoreSource(source) || trained.heads || trained.task === 'reconstruction') {
    return evaluate(trained, subset(await loadSource(source), rowsOf(rows, 1)));
  }
  const stream = sourceStream(source, rows, trained.task, 0, trained.extraScaling ?? null);
  const { values, width, y } = await predictStream(trained.model, stream);
  const raw = taskMetrics(trained.task, y, values, width);
  const labels = trained.task === 'multiclass' ? Uint8Array.from(y) : new Uint8Array(0);
  return testMetrics(trained, raw, values, width, labels, source.labelNames);
}

/** `val_*` metrics renamed `test_*`, and a softmax head's recall per class. */
function testMetrics(
  trained: Trained,
  raw: Record<string, number>,
  values: Float32Array,
  width: number,
  labels: ArrayLike<number>,
  labelNames: readonly string[],
): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    metrics[key.replace(/^val_/, 'test_')] = value;
  }
  if (trained.task === 'multiclass') {
    labelNames.forEach((label, c) => {
      let rows = 0;
      let right = 0;
      for (let i = 0; i < labels.length; i++) {
        if (labels[i] !== c) continue;
        rows++;
        if (argmax(values, i * width, width) === c) right++;
      }
      metrics[`test_recall_${label}`] = rows ? right / rows : Number.NaN;
    });
  }
  return metrics;
}

function argmax(values: Float32Array, at: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[at + j] > values[at + best]) best = j;
  return best;
}
