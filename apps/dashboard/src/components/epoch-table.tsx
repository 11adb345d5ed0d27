import type { ReactNode } from 'react';
import { formatDuration } from '../format/duration.ts';
import { formatMetric, formatRate } from '../format/number.ts';
import { METRIC_NAMES } from '../live/metrics.ts';
import type { EpochPoint } from '../live/progress-reducer.ts';

/** One row per finished epoch with every metric, throughput and time. */
export function EpochTable(props: { epochs: readonly EpochPoint[] }): ReactNode {
  if (props.epochs.length === 0) return <p className="muted">No epoch has finished yet.</p>;
  return (
    <table className="data epochs" data-testid="epoch-table">
      <thead>
        <tr>
          <th>epoch</th>
          {METRIC_NAMES.map((name) => (
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
            {METRIC_NAMES.map((name) => (
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
