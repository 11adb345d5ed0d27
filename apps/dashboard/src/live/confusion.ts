/**
 * The confusion matrix of a softmax head from an epoch's metrics: training reports its cells as
 * `val_confusion_<actual>_<predicted>` (class indices, classes in sorted label order) on the
 * validation rows. Null when the metrics hold none (binary, multitask, regression heads).
 */
export function confusionFromMetrics(metrics: Readonly<Record<string, number>>): number[][] | null {
  const cells: [number, number, number][] = [];
  let k = 0;
  for (const [name, value] of Object.entries(metrics)) {
    const m = /^val_confusion_(\d+)_(\d+)$/.exec(name);
    if (!m) continue;
    const actual = Number(m[1]);
    const predicted = Number(m[2]);
    cells.push([actual, predicted, value]);
    k = Math.max(k, actual + 1, predicted + 1);
  }
  if (cells.length === 0) return null;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [a, p, value] of cells) (counts[a] as number[])[p] = value;
  return counts;
}
