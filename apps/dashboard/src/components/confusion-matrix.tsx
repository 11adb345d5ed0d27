import type { ReactNode } from 'react';
import { formatMetric } from '../format/number.ts';
import { confusionMatrices } from '../live/confusion.ts';
import type { ConfusionView } from '../live/confusion.ts';

/** A cell's share of its row (the actual class): the recall on the diagonal. */
const share = (count: number, row: readonly number[]) => {
  const total = row.reduce((a, b) => a + b, 0);
  return total > 0 ? count / total : 0;
};

/** Class c's name: the run's class names for the model's own head, else `class c`. */
const classLabel = (names: readonly string[] | undefined, c: number, size: number) =>
  names && names.length === size ? (names[c] as string) : `class ${c}`;

function Matrix(props: {
  view: ConfusionView;
  metrics: Readonly<Record<string, number>>;
  classNames?: readonly string[];
}) {
  const { head, counts } = props.view;
  const m = props.metrics;
  // The run's class names are those of its one label column: the model's own head.
  const label = (c: number) =>
    classLabel(head === null ? props.classNames : undefined, c, counts.length);
  const p = head ? `val_${head}_` : 'val_';
  return (
    <section data-testid="confusion-matrix" data-head={head ?? undefined}>
      <h2>Confusion matrix{head ? ` of head ${head}` : ''} (validation, latest epoch)</h2>
      <p className="muted">
        accuracy {formatMetric(m[`${p}accuracy`])} · macro-F1 {formatMetric(m[`${p}macro_f1`])} ·
        AUROC (one-vs-rest) {formatMetric(m[`${p}auroc`])} · cells shaded by their share of the
        actual class
      </p>
      <table className="data confusion">
        <thead>
          <tr>
            <th>actual \ predicted</th>
            {counts.map((_, c) => (
              <th key={c} className="num">
                {label(c)}
              </th>
            ))}
            <th className="num">AUROC</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row, a) => (
            <tr key={a}>
              <th>{label(a)}</th>
              {row.map((count, c) => {
                const s = share(count, row);
                // Blue for the diagonal (right), vermillion off it (wrong), as strong as the share.
                const rgb = c === a ? '0, 114, 178' : '213, 94, 0';
                return (
                  <td
                    key={c}
                    className="num"
                    data-share={s.toFixed(3)}
                    title={`${(s * 100).toFixed(1)}% of ${label(a)}`}
                    style={{ background: `rgba(${rgb}, ${(0.06 + 0.5 * s).toFixed(3)})` }}
                  >
                    {c === a ? <strong>{count}</strong> : count}
                  </td>
                );
              })}
              <td className="num">{formatMetric(m[`${p}auroc_c${a}`])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Each softmax head's validation confusion matrix at the latest epoch (rows: actual class,
 * columns: predicted) as a heatmap, with accuracy, macro-F1 and the one-vs-rest AUROC per
 * class. Classes are named by `classNames` (Run.classNames, in class-index order) when it has
 * one name per class, else `class 0`, `class 1`, …. Nothing for other heads.
 */
export function ConfusionMatrix(props: {
  metrics: Readonly<Record<string, number>> | null;
  classNames?: readonly string[];
}): ReactNode {
  const metrics = props.metrics;
  if (!metrics) return null;
  return confusionMatrices(metrics).map((view) => (
    <Matrix
      key={view.head ?? ''}
      view={view}
      metrics={metrics}
      {...(props.classNames ? { classNames: props.classNames } : {})}
    />
  ));
}
