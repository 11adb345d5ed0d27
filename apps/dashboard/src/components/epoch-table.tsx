import type { ReactNode } from 'react';
import { formatDuration } from '../format/duration.ts';
import { formatMetric, formatRate } from '../format/number.ts';
import { reportedNames, tableMetrics } from '../live/metric-groups.ts';
import type { EpochPoint } from '../live/progress-reducer.ts';

/**
 * One row per finished epoch with every summary metric the run reports (per-class and per-task
 * values are in the charts, confusion cells in their table), throughput and time.
 */
export function EpochTable(props: { epochs: readonly EpochPoint[] }): ReactNode {
  if (props.epochs.length === 0) return <p className="muted">No epoch has finished yet.</p>;
  const names = tableMetrics(reportedNames(props.epochs));
  return (
    <table className="data epochs" data-testid="epoch-table">
      <thead>
        <tr>
          <th>epoch</th>
          {names.map((name) => (
            <th key={name} className="num">
              {name}
            </th>
          ))}
          <th className="num">throughput</th>
          <th className="num">time</th>
        </tr>
      </thead>
      <tbody>
        {props.epochs.map((p) => (
          <tr key={p.epoch} data-epoch={p.epoch}>
            <td>{p.epoch}</td>
            {names.map((name) => (
              <td key={name} className="num">
                {formatMetric(p.metrics[name])}
              </td>
            ))}
            <td className="num">{formatRate(p.samplesPerSecond)}</td>
            <td className="num">{formatDuration(p.seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
