import { predictOutputs, taskMetrics } from '@strand/models';
import { applyFeatureScaling } from './feature-scaling.ts';
import type { FitResult } from './fit.ts';
import type { LabelledData } from './labelled-data.ts';

/**
 * Test metrics of a trained model on `test` (scaled as in training): the task's metrics as
 * `test_*` (see @strand/models taskMetrics; reconstruction compares the output with the input),
 * plus `test_recall_<class>` per class for a softmax head.
 */
export function evaluate(
  trained: Pick<FitResult, 'model' | 'task' | 'scaling'>,
  test: LabelledData,
): Record<string, number> {
  const scaled = applyFeatureScaling(test, trained.scaling);
  const { values, width } = predictOutputs(trained.model, scaled);
  const target = trained.task === 'reconstruction' ? scaled.x : Float32Array.from(scaled.labels);
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(taskMetrics(trained.task, target, values, width))) {
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
