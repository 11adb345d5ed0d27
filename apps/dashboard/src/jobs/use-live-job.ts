import { skipToken, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import {
  JOB_PROGRESS_SUBSCRIPTION,
  JOB_STATUS_CHANGED_SUBSCRIPTION,
} from '../graphql/operations.ts';
import type { JobProgressEvent, JobStatus } from '../graphql/types.ts';
import { isJobActive } from './job-kinds.ts';

/**
 * A job's live progress: its jobProgress events while it is active (`status` undefined, not yet
 * loaded, counts as active, so that no early event is missed), and `refetch` of the stored job
 * when the last event arrives (it has the end state: times, error, output dataset) and when its
 * status changes (a job that ends before the subscription is up sends it nothing).
 */
export function useLiveJob(
  id: string,
  status: JobStatus | undefined,
  refetch: () => unknown,
): JobProgressEvent | null {
  const [live, setLive] = useState<JobProgressEvent | null>(null);
  const active = status === undefined || isJobActive(status);
  useSubscription(
    JOB_PROGRESS_SUBSCRIPTION,
    active
      ? {
          variables: { jobId: id },
          fetchPolicy: 'no-cache',
          ignoreResults: true,
          onData: ({ data: result }) => {
            const event = result.data?.jobProgress;
            if (!event) return;
            setLive(event);
            if (event.done) void refetch();
          },
        }
      : skipToken,
  );
  useSubscription(JOB_STATUS_CHANGED_SUBSCRIPTION, {
    onData: ({ data: result }) => {
      if (result.data?.jobStatusChanged.id === id) void refetch();
    },
  });
  return live;
}
