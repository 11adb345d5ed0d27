import type { ReactNode } from 'react';
import type { RunStatus } from '../graphql/types.ts';

/** A run status as a coloured badge; the text is the status itself (QUEUED, RUNNING, …). */
export function StatusBadge(props: { status: RunStatus; testId?: string }): ReactNode {
  return (
    <span className={`badge status-${props.status.toLowerCase()}`} data-testid={props.testId}>
      {props.status}
    </span>
  );
}
