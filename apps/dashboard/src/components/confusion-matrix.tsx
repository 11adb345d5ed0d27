import type { ReactNode } from 'react';
import { formatMetric } from '../format/number.ts';
import { confusionFromMetrics } from '../live/confusion.ts';

/**
 * A softmax head's validation confusion matrix at the latest epoch (rows: actual class,
 * columns: predicted; classes are the labels in sorted order), with accuracy, macro-F1 and the
 * macro one-vs-rest AUROC. Nothing for other heads.
 */
export function ConfusionMatrix(props: {
  metrics: Readonly<Record<string, number>> | null;
}): ReactNode {
  const counts = props.metrics ? confusionFromMetrics(props.metrics) : null;
  if (!props.metrics || !counts) return null;
  const m = props.metrics;
  return (
    <section data-testid="confusion-matrix">
      <h2>Confusion matrix (validation, latest epoch)</h2>
      <p className="muted">
        accuracy {formatMetric(m['val_accuracy'])} · macro-F1 {formatMetric(m['val_macro_f1'])} ·
        AUROC (one-vs-rest) {formatMetric(m['val_auroc'])}
      </p>
      <table className="data">
        <thead>
          <tr>
            <th>actual \ predicted</th>
            {counts.map((_, p) => (
              <th key={p} className="num">
                class {p}
              </th>
            ))}
            <th className="num">AUROC</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row, a) => (
            <tr key={a}>
              <th>class {a}</th>
              {row.map((count, p) => (
                <td key={p} className="num">
                  {p === a ? <strong>{count}</strong> : count}
                </td>
              ))}
              <td className="num">{formatMetric(m[`val_auroc_c${a}`])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
