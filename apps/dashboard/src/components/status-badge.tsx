import type { ReactNode } from 'react';
import type { RunStatus } from '../graphql/types.ts';
import type { TrialStatus } from '../jobs/sweep-trials.ts';

/** A run status as a coloured badge; the text is the status itself (QUEUED, RUNNING, PRUNED…). */
export function StatusBadge(props: {
  status: RunStatus | TrialStatus;
  testId?: string;
}): ReactNode {
  return (
    <span className={`badge status-${props.status.toLowerCase()}`} data-testid={props.testId}>
      {props.status}
    </span>
  );
}
