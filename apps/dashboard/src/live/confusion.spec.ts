import { describe, expect, it } from 'vitest';
import { confusionFromMetrics, confusionMatrices } from './confusion.ts';

describe('confusionFromMetrics', () => {
  it('rebuilds the k × k matrix from val_confusion_<actual>_<predicted> cells', () => {
    const metrics = {
      val_accuracy: 0.75,
      val_confusion_0_0: 3,
      val_confusion_0_1: 1,
      val_confusion_1_0: 0,
      val_confusion_1_1: 4,
      val_confusion_2_1: 2,
    };
    expect(confusionFromMetrics(metrics)).toEqual([
      [3, 1, 0],
      [0, 4, 0],
      [0, 2, 0],
    ]);
  });

  it('is null for a head that reports no confusion cells', () => {
    expect(confusionFromMetrics({ val_auroc: 0.9, val_loss: 0.3 })).toBeNull();
  });
});

describe('confusionMatrices', () => {
  it('keeps a multi-output model’s heads apart', () => {
    const metrics = {
      val_confusion_0_0: 1,
      val_confusion_1_1: 2,
      val_cls_confusion_0_1: 5,
      val_cls_confusion_1_0: 6,
    };
    expect(confusionMatrices(metrics)).toEqual([
      {
        head: null,
        counts: [
          [1, 0],
          [0, 2],
        ],
      },
      {
        head: 'cls',
        counts: [
          [0, 5],
          [6, 0],
        ],
      },
    ]);
  });
});
