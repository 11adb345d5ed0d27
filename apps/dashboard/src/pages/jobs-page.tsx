import { useQuery, useSubscription } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { JobProgressBar } from '../components/job-progress-bar.tsx';
import { StaleNotice } from '../components/stale-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAgo, formatDateTime } from '../format/date.ts';
import { formatDuration } from '../format/duration.ts';
import { shortId } from '../format/ids.ts';
import { formatCount } from '../format/number.ts';
import {
  JOB_PROGRESS_SUBSCRIPTION,
  JOB_STATUS_CHANGED_SUBSCRIPTION,
  JOBS_QUERY,
} from '../graphql/operations.ts';
import type { JobProgressEvent } from '../graphql/types.ts';
import type { JobListItem } from '../graphql/operations.ts';
import { elapsedSeconds } from '../components/run-details.tsx';
import type { CursorPages } from '../jobs/cursor-pages.ts';
import { FIRST_PAGE, nextPage, pageNumber, previousPage } from '../jobs/cursor-pages.ts';
import {
  isJobActive,
  JOB_KIND_NAMES,
  JOB_KINDS,
  JOB_STATUSES,
  jobKindName,
  kindFilter,
  statusFilter,
} from '../jobs/job-kinds.ts';
import { jobProgressView, latestProgress } from '../jobs/job-progress.ts';
import { routeHref } from '../routing/route.ts';
import { canEdit } from '../project/project-choice.ts';
import { useProject } from '../project/use-project.tsx';
import { navigate } from '../routing/use-route.ts';
import { useSocketState } from '../use-socket-state.ts';

const PAGE_SIZE = 20;

/** What the job worked on: the dataset it read, and the one it made. */
function jobData(job: JobListItem): ReactNode {
  const read = job.dataset?.name;
  const made = job.outputDataset?.name;
  if (!read && !made) return <span className="muted">—</span>;
  return (
    <>
      {read ?? null}
      {read && made ? ' ' : null}
      {made ? <span title="the dataset it made">→ {made}</span> : null}
    </>
  );
}

/**
 * An active job's progress bar, moved by its jobProgress events (the list's query is refetched
 * on status changes only: jobStatusChanged, and after a reconnect).
 */
function LiveJobProgress(props: { job: JobListItem }): ReactNode {
  const { job } = props;
  const [live, setLive] = useState<JobProgressEvent | null>(null);
  useSubscription(JOB_PROGRESS_SUBSCRIPTION, {
    variables: { jobId: job.id },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data: result }) => {
      const event = result.data?.jobProgress;
      if (event) setLive(event);
    },
  });
  const shown = latestProgress(job, live);
  return <JobProgressBar view={jobProgressView(shown.progress, shown.status)} compact />;
}

/**
 * Background jobs, newest first, a page at a time, filtered by kind and status; live without
 * polling: a status change updates its row, a new job refetches the page, each active job's bar
 * follows its progress events.
 */
export function JobsPage(): ReactNode {
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const filtered = kind !== '' || status !== '';
  const { project } = useProject();
  const { data, previousData, error, loading, refetch } = useQuery(JOBS_QUERY, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after ?? undefined,
      kind: kindFilter(kind),
      status: statusFilter(status),
      projectId: project?.id,
    },
    fetchPolicy: 'cache-and-network',
  });
  // A listed job's new status reaches its row through the cache (the event carries the row's
  // fields); the page is asked again only for a job it does not list (a new row, e.g. a sweep's
  // trial) or when a status filter may drop the row.
  const listed = useRef(new Set<string>());
  listed.current = new Set((data?.jobs.edges ?? []).map((edge) => edge.node.id));
  useSubscription(JOB_STATUS_CHANGED_SUBSCRIPTION, {
    onData: ({ data: event }) => {
      const id = event.data?.jobStatusChanged.id;
      if (!id || !listed.current.has(id) || status !== '') void refetch();
    },
  });
  const { connects } = useSocketState();
  useEffect(() => {
    if (connects > 1) void refetch();
  }, [connects, refetch]);

  // Keep the last page on screen while the next one loads, so the table does not flash.
  const shown = data ?? previousData;
  const jobs = shown?.jobs.edges.map((e) => e.node) ?? [];

  const setFilter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPages(FIRST_PAGE);
  };

  if (!shown && loading) return <p className="muted">Loading jobs…</p>;
  if (!shown && error) return <p className="error-box">Could not load jobs: {error.message}</p>;
  if (jobs.length === 0 && !filtered && pages.after === null) {
    return (
      <section className="empty">
        <h1>No jobs yet</h1>
        <p>
          Background jobs — dataset imports, variant scoring, sequence explanations,
          cross-validations, sweeps and risk predictions — are started from{' '}
          <a href={routeHref({ page: 'new-job' })}>New job</a> (EDITORs; imports ADMINs) or through
          the API. They appear here with their live progress, and each job's page shows its result
          and what it was computed from.
        </p>
      </section>
    );
  }
  const now = Date.now();
  const total = shown?.jobs.totalCount ?? 0;
  const pageInfo = shown?.jobs.pageInfo;
  const first = (pageNumber(pages) - 1) * PAGE_SIZE + 1;
  return (
    <section>
      <h1>Jobs</h1>
      <StaleNotice what="jobs" />
      {canEdit(project?.viewerRole) ? (
        <p>
          <a
            className="button primary"
            href={routeHref({ page: 'new-job' })}
            data-testid="new-job-link"
          >
            New job
          </a>
        </p>
      ) : null}
      <div className="filters">
        <label>
          kind{' '}
          <select
            value={kind}
            data-testid="job-kind-filter"
            onChange={(e) => setFilter(setKind)(e.target.value)}
          >
            <option value="">any</option>
            {JOB_KINDS.map((k) => (
              <option key={k} value={k}>
                {JOB_KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          status{' '}
          <select
            value={status}
            data-testid="job-status-filter"
            onChange={(e) => setFilter(setStatus)(e.target.value)}
          >
            <option value="">any</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {total === 0
            ? 'no jobs'
            : `${formatCount(first)}–${formatCount(first + jobs.length - 1)} of ${formatCount(total)}`}
        </span>
      </div>
      {error ? <p className="error-box">Live refresh failed: {error.message}</p> : null}
      {jobs.length === 0 ? (
        <p className="muted">No jobs match these filters.</p>
      ) : (
        <table className="data jobs clickable" data-testid="jobs-table">
          <thead>
            <tr>
              <th>status</th>
              <th>job</th>
              <th>data</th>
              <th className="progress-col">progress</th>
              <th>created</th>
              <th>finished</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr
                key={job.id}
                data-job-id={job.id}
                data-status={job.status}
                onClick={() => navigate({ page: 'job', id: job.id })}
              >
                <td>
                  <StatusBadge status={job.status} />
                </td>
                <td>
                  <a href={routeHref({ page: 'job', id: job.id })}>{jobKindName(job.kind)}</a>
                  <br />
                  <span className="short-id" title={job.id}>
                    {shortId(job.id)}
                  </span>
                </td>
                <td>{jobData(job)}</td>
                <td>
                  {isJobActive(job.status) ? (
                    <LiveJobProgress job={job} />
                  ) : (
                    <JobProgressBar view={jobProgressView(job.progress, job.status)} compact />
                  )}
                  {job.status === 'FAILED' && job.error ? (
                    <span className="job-error" title={job.error}>
                      {job.error}
                    </span>
                  ) : null}
                </td>
                <td className="time" title={formatAgo(job.createdAt, now)}>
                  {formatDateTime(job.createdAt)}
                </td>
                <td className="time">
                  {formatDateTime(job.finishedAt)}
                  {job.finishedAt && job.startedAt ? (
                    <span className="muted">
                      <br />
                      took {formatDuration(elapsedSeconds(job.startedAt, job.finishedAt))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages of jobs">
        <button
          type="button"
          disabled={pages.previous.length === 0}
          onClick={() => setPages(previousPage(pages))}
        >
          ← Newer
        </button>
        <span className="muted">page {pageNumber(pages)}</span>
        <button
          type="button"
          data-testid="jobs-next-page"
          disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor}
          onClick={() => pageInfo?.endCursor && setPages(nextPage(pages, pageInfo.endCursor))}
        >
          Older →
        </button>
      </nav>
    </section>
  );
}
