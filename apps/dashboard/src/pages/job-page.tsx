import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { canEdit } from '../project/project-choice.ts';
import { useEffect, useState } from 'react';
import { JobLineage } from '../components/job-lineage.tsx';
import { JobProgressBar } from '../components/job-progress-bar.tsx';
import { JobResult } from '../components/job-result.tsx';
import { KeyValues } from '../components/key-values.tsx';
import { elapsedSeconds } from '../components/run-details.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../format/date.ts';
import { formatDuration } from '../format/duration.ts';
import { CANCEL_JOB_MUTATION, JOB_QUERY } from '../graphql/operations.ts';
import { isJobActive, jobKindName } from '../jobs/job-kinds.ts';
import { paramsForDisplay } from '../jobs/job-params.ts';
import { jobProgressView, latestProgress } from '../jobs/job-progress.ts';
import { summarizeJson } from '../jobs/json-summary.ts';
import { useLiveJob } from '../jobs/use-live-job.ts';
import { parseJson } from '../jobs/json-value.ts';
import { routeHref } from '../routing/route.ts';
import { useSocketState } from '../use-socket-state.ts';

/** One job: status and live progress, Cancel while active, result by kind, lineage, params. */
export function JobPage(props: { id: string }): ReactNode {
  const { id } = props;
  const { data, error, loading, refetch } = useQuery(JOB_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const job = data?.job ?? null;
  const live = useLiveJob(id, job?.status, refetch);
  // After the socket reconnects, events sent meanwhile are lost: reload the stored job.
  const { connects } = useSocketState();
  useEffect(() => {
    if (connects > 1) void refetch();
  }, [connects, refetch]);
  const [cancelJob, cancel] = useMutation(CANCEL_JOB_MUTATION);
  const [cancelErrors, setCancelErrors] = useState<string[]>([]);

  if (!data && loading) return <p className="muted">Loading job {id}…</p>;
  if (!data && error) {
    return (
      <p className="error-box">
        Could not load job {id}: {error.message}
      </p>
    );
  }
  if (!job) {
    return (
      <p className="error-box">
        There is no job with id “{id}”. See the <a href={routeHref({ page: 'jobs' })}>jobs</a>.
      </p>
    );
  }

  const shown = latestProgress(job, live);
  async function onCancel() {
    setCancelErrors([]);
    try {
      const result = await cancelJob({ variables: { id } });
      setCancelErrors(result.data?.cancelJob.userErrors.map((e) => e.message) ?? []);
    } catch (err) {
      setCancelErrors([err instanceof Error ? err.message : String(err)]);
    }
  }
  const times: [string, string][] = [
    ['created', formatDateTime(job.createdAt)],
    ['started', formatDateTime(job.startedAt)],
    ['finished', formatDateTime(job.finishedAt)],
    ['took', formatDuration(elapsedSeconds(job.startedAt, job.finishedAt))],
  ];
  return (
    <article className="job" data-testid="job-page" data-kind={job.kind}>
      <p className="crumbs">
        <a href={routeHref({ page: 'jobs' })}>← Jobs</a>
      </p>
      <header className="run-head">
        <h1>
          {jobKindName(job.kind)} <small>job {job.id}</small>
        </h1>
        <StatusBadge status={shown.status} testId="job-status" />
        {isJobActive(shown.status) && canEdit(job.project.viewerRole) ? (
          <button type="button" onClick={onCancel} disabled={cancel.loading}>
            {cancel.loading ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </header>
      {cancelErrors.map((message) => (
        <p key={message} className="error-box" role="alert">
          {message}
        </p>
      ))}
      {job.status === 'FAILED' ? (
        <p className="error-box" data-testid="job-error">
          The job failed: {job.error ?? 'no reason was recorded.'}
        </p>
      ) : null}
      <section className="progress">
        <JobProgressBar
          view={jobProgressView(shown.progress, shown.status)}
          testId="job-progress"
        />
        <dl className="times">
          {times.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <h2>Result</h2>
      <JobResult job={job} />
      <h2>Lineage</h2>
      <JobLineage job={job} />
      <h2>Parameters</h2>
      <section className="details">
        <KeyValues
          items={summarizeJson(paramsForDisplay(job.kind, parseJson(job.params)))}
          testId="job-params"
        />
      </section>
    </article>
  );
}
