import type { ReactNode } from 'react';
import type { JobProgressView } from '../jobs/job-progress.ts';

/** A job's progress: the bar (empty while the total is unknown), the count and the message. */
export function JobProgressBar(props: {
  view: JobProgressView;
  compact?: boolean;
  testId?: string;
}): ReactNode {
  const { view, compact } = props;
  const percent = view.fraction != null ? Math.round(view.fraction * 1000) / 10 : null;
  return (
    <div
      className={compact ? 'job-progress compact' : 'job-progress'}
      data-testid={props.testId}
      data-fraction={view.fraction ?? ''}
    >
      <div
        className={percent == null ? 'bar unknown' : 'bar'}
        role="progressbar"
        aria-label="Job progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={view.count}
      >
        <div className="bar-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <div className="job-progress-text">
        <span className="count">{view.count}</span>
        {percent != null && !compact ? <span>{percent}%</span> : null}
        {view.message ? <span className="message">{view.message}</span> : null}
      </div>
    </div>
  );
}
