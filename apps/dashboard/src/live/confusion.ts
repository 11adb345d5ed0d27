import { CONFUSION_CELL } from './metric-groups.ts';

/** One softmax head's validation confusion counts: rows actual class, columns predicted. */
export interface ConfusionView {
  /** The head of a multi-output model; null for the model's own (single) output. */
  head: string | null;
  counts: number[][];
}

/**
 * The confusion matrices of softmax heads from an epoch's metrics: training reports their cells
 * as `val_confusion_<actual>_<predicted>` (`val_<head>_confusion_…` for a head of a multi-output
 * model; class indices, classes in sorted label order) on the validation rows. Empty when the
 * metrics hold none (binary, multitask, regression heads).
 */
export function confusionMatrices(metrics: Readonly<Record<string, number>>): ConfusionView[] {
  const cells = new Map<string | null, [number, number, number][]>();
  for (const [name, value] of Object.entries(metrics)) {
    const m = CONFUSION_CELL.exec(name);
    if (!m) continue;
    const head = m[1] ?? null;
    const list = cells.get(head) ?? [];
    list.push([Number(m[2]), Number(m[3]), value]);
    cells.set(head, list);
  }
  return [...cells].map(([head, list]) => {
    const k = Math.max(...list.map(([a, p]) => Math.max(a, p) + 1));
    const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const [a, p, value] of list) (counts[a] as number[])[p] = value;
    return { head, counts };
  });
}

/** The model's own confusion matrix (no head), or null. */
export function confusionFromMetrics(metrics: Readonly<Record<string, number>>): number[][] | null {
  return confusionMatrices(metrics).find((c) => c.head === null)?.counts ?? null;
}
