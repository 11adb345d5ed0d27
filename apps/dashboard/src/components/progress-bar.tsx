import type { ReactNode } from 'react';
import { formatDuration } from '../format/duration.ts';
import { formatRate } from '../format/number.ts';
import type { ProgressView } from '../view/progress-view.ts';

/** Epoch and batch progress with throughput and ETA from the live events. */
export function ProgressBar(props: { view: ProgressView }): ReactNode {
  const v = props.view;
  const percent = Math.round(v.fraction * 1000) / 10;
  return (
    <section
      className="progress"
      data-testid="epoch-progress"
      data-epoch={v.epochsDone}
      data-epochs={v.epochs}
    >
      <div className="progress-text">
        <strong>
          Epoch {v.epochsDone}/{v.epochs}
        </strong>
        {v.batch != null && v.batches != null ? (
          <span>
            batch {v.batch}/{v.batches} of epoch {v.epochsDone + 1}
          </span>
        ) : null}
        {v.samplesPerSecond != null ? <span>{formatRate(v.samplesPerSecond)}</span> : null}
        {v.etaSeconds != null ? <span>ETA {formatDuration(v.etaSeconds)}</span> : null}
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="bar-fill" style={{ width: `${percent}%` }} />
      </div>
    </section>
  );
}
