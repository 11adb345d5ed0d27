import type { ReactNode } from 'react';
import { formatCount, formatMeanSd, formatMetric } from '../format/number.ts';
import type { FoldMetrics } from '../jobs/fold-metrics.ts';

/** One row per fold with every metric, and a last row with mean ± sd over the folds. */
export function FoldMetricsTable(props: {
  metrics: FoldMetrics;
  /** Folds left out of a metric's mean (undefined there), to say so under the mean. */
  undefinedFolds?: Record<string, number>;
  testId?: string;
}): ReactNode {
  const { folds, metricNames, mean, sd } = props.metrics;
  const withEpochs = folds.some((f) => f.epochs != null);
  return (
    <table className="data folds" data-testid={props.testId}>
      <thead>
        <tr>
          <th>fold</th>
          <th className="num">train</th>
          <th className="num">test</th>
          {withEpochs ? <th className="num">epochs</th> : null}
          {metricNames.map((name) => (
            <th key={name} className="num">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {folds.map((f) => (
          <tr key={f.fold} data-fold={f.fold}>
            <td>{f.fold}</td>
            <td className="num">{formatCount(f.train)}</td>
            <td className="num">{formatCount(f.test)}</td>
            {withEpochs ? <td className="num">{formatCount(f.epochs)}</td> : null}
            {metricNames.map((name) => (
              <td key={name} className="num">
                {formatMetric(f.metrics[name])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="fold-mean">
          <th colSpan={withEpochs ? 4 : 3}>mean ± sd</th>
          {metricNames.map((name) => {
            const left = props.undefinedFolds?.[name];
            return (
              <td key={name} className="num">
                {formatMeanSd(mean[name], sd[name])}
                {left ? (
                  <span className="note" title="folds where the metric is undefined">
                    {' '}
                    ({left} fold{left === 1 ? '' : 's'} left out)
                  </span>
                ) : null}
              </td>
            );
          })}
        </tr>
      </tfoot>
    </table>
  );
}
