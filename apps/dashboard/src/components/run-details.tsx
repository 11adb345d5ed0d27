import type { ReactNode } from 'react';
import { formatDateTime } from '../format/date.ts';
import { formatDuration } from '../format/duration.ts';
import { formatCount } from '../format/number.ts';
import type { RunDetail } from '../graphql/types.ts';
import { routeHref } from '../routing/route.ts';

/** Pretty-print the run's architecture config (JSON text); left as is if it is not JSON. */
export function prettyConfig(config: string): string {
  try {
    return JSON.stringify(JSON.parse(config), null, 2);
  } catch {
    return config;
  }
}

/** Seconds between two timestamps, or null when either is missing. */
export function elapsedSeconds(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(seconds) ? seconds : null;
}

/** The run's setup: architecture, backend, dataset, hyper-parameters, times, config. */
export function RunDetails(props: { run: RunDetail }): ReactNode {
  const { run } = props;
  const ds = run.dataset;
  const length = ds.sequenceLength != null ? ` × ${ds.sequenceLength} bp` : '';
  const items: [string, ReactNode][] = [
    ['architecture', run.architecture],
    ['backend', run.backend],
    ['dataset', `${ds.name} (${formatCount(ds.recordCount)} records${length})`],
    ['epochs', run.epochs],
    ['batch size', run.batchSize],
    ['learning rate', String(run.learningRate)],
    ['seed', run.seed],
    ['created', formatDateTime(run.createdAt)],
    ['started', formatDateTime(run.startedAt)],
    ['finished', formatDateTime(run.finishedAt)],
    ['duration', formatDuration(elapsedSeconds(run.startedAt, run.finishedAt))],
  ];
  // Training is a job: its TRAIN job has its place in the queue and its outcome.
  if (run.trainingJob) {
    items.push([
      'training job',
      <a href={routeHref({ page: 'job', id: run.trainingJob.id })}>
        {run.trainingJob.status.toLowerCase()}
      </a>,
    ]);
  }
  return (
    <section className="details">
      <dl>
        {items.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>Architecture config</summary>
        <pre>{prettyConfig(run.config)}</pre>
      </details>
    </section>
  );
}
