import { headMetrics, layoutHeads, predictOutputs, taskMetrics } from '@strand/models';
import { applyExtraScaling, applyFeatureScaling } from './feature-scaling.ts';
import type { FitResult } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';
import { trainingData } from './model-data.ts';

/**
 * Test metrics of a trained model on `test` (scaled as in training): the task's metrics as
 * `test_*` (see @strand/models taskMetrics; reconstruction compares the output with the input;
 * a multi-output model's per head, as headMetrics names them: test_profile_pearson,
 * test_counts_pearson, …), plus `test_recall_<class>` per class for a softmax head.
 */
export function evaluate(
  trained: Pick<FitResult, 'model' | 'task' | 'scaling'> &
    Partial<Pick<FitResult, 'extraScaling' | 'heads'>>,
  test: LabelledData,
): Record<string, number> {
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
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    metrics[key.replace(/^val_/, 'test_')] = value;
  }
  if (trained.task === 'multiclass') {
    test.labelNames.forEach((label, c) => {
      let rows = 0;
      let right = 0;
      for (let i = 0; i < test.count; i++) {
        if (test.labels[i] !== c) continue;
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
