import type { ReactNode } from 'react';
import { formatMetric } from '../format/number.ts';

export interface BestEpochData {
  monitor: string;
  mode: string;
  epoch: number;
  metrics: readonly { name: string; value: number }[];
}

export interface LastEpochData {
  epoch: number;
  metrics: Readonly<Record<string, number>>;
}

/** `val_loss, lowest` / `val_auroc, highest`. */
export const monitorText = (best: BestEpochData) =>
  `${best.monitor}, ${best.mode === 'min' ? 'lowest' : 'highest'}`;

/**
 * The best epoch (by the run's monitored metric) beside the last: every metric of either, one
 * row each, with the epoch numbers in the header. Nothing before the first epoch.
 */
export function BestEpochTable(props: {
  best: BestEpochData | null;
  last: LastEpochData | null;
}): ReactNode {
  const { best, last } = props;
  if (!best || !last) return null;
  const bestValues = new Map(best.metrics.map((m) => [m.name, m.value]));
  // Confusion counts have their own matrix: the table keeps to the scores.
  const names = [...new Set([...Object.keys(last.metrics), ...bestValues.keys()])].filter(
    (name) => !name.startsWith('val_confusion_') && !name.includes('_confusion_'),
  );
  const same = best.epoch === last.epoch;
  return (
    <section data-testid="best-epoch">
      <h2>Best epoch</h2>
      <p className="muted">
        Epoch {best.epoch} is best by {monitorText(best)}
        {same ? ': the last epoch.' : `; the last epoch is ${last.epoch}.`}
      </p>
      <table className="data best-epoch">
        <thead>
          <tr>
            <th>metric</th>
            <th className="num">best (epoch {best.epoch})</th>
            <th className="num">last (epoch {last.epoch})</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name} className={name === best.monitor ? 'monitored' : undefined}>
              <th>{name === best.monitor ? <strong>{name}</strong> : name}</th>
              <td className="num">{formatMetric(bestValues.get(name))}</td>
              <td className="num">{formatMetric(last.metrics[name])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
