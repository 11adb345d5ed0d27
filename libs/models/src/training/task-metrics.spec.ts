import { describe, expect, it } from 'vitest';
import { taskMetrics } from './task-metrics.ts';

describe('taskMetrics of a softmax head', () => {
  // Four rows of three classes; row 3 (class 2) is predicted as class 1.
  const labels = Float32Array.from([0, 1, 2, 2]);
  const probs = Float32Array.from(
    [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
      [0.1, 0.2, 0.7],
      [0.2, 0.5, 0.3],
    ].flat(),
  );

  it('reports accuracy, macro-F1, one-vs-rest AUROC per class and the confusion counts', () => {
    const m = taskMetrics('multiclass', labels, probs, 3);
    expect(m['val_accuracy']).toBe(0.75);
    // F1 per class: 1, 2/3 (1 TP, 1 FP), 2/3 (1 TP, 1 FN).
    expect(m['val_macro_f1']).toBeCloseTo((1 + 2 / 3 + 2 / 3) / 3, 6);
    // Class 1 scores 0.2, 0.8, 0.2, 0.5: its positive is first of 4 → AUROC 1.
    expect(m['val_auroc_c1']).toBe(1);
    // Class 2 scores its positives 0.7 and 0.3 against 0.1, 0.1: AUROC 1.
    expect(m['val_auroc_c2']).toBe(1);
    // Class 0 scores its positive 0.7 against 0.1, 0.1, 0.2: AUROC 1.
    expect(m['val_auroc']).toBe(1);
    expect(m['val_confusion_2_1']).toBe(1);
    expect(m['val_confusion_2_2']).toBe(1);
    expect(m['val_confusion_1_1']).toBe(1);
    expect(m['val_confusion_0_1']).toBe(0);
  });

  it('ranks a class below the others when its probabilities are lowest on its own rows', () => {
    const swapped = Float32Array.from(
      [
        [0.1, 0.2, 0.7],
        [0.1, 0.8, 0.1],
        [0.1, 0.2, 0.7],
        [0.2, 0.5, 0.3],
      ].flat(),
    );
    const m = taskMetrics('multiclass', labels, swapped, 3);
    // Class 0's only positive scores 0.1: tied with rows 1 and 2, below row 3: (½ + ½ + 0) / 3.
    expect(m['val_auroc_c0']).toBeCloseTo(1 / 3, 6);
    expect(m['val_confusion_0_2']).toBe(1);
  });
});
