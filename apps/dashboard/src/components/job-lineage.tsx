import type { ReactNode } from 'react';
import { formatCount } from '../format/number.ts';
import type { JobDataset, JobDetail } from '../graphql/types.ts';
import { summarizeJson } from '../jobs/json-summary.ts';
import { parseJson } from '../jobs/json-value.ts';
import { routeHref } from '../routing/route.ts';
import { KeyValues } from './key-values.tsx';

function DatasetRef(props: { dataset: JobDataset }): ReactNode {
  const d = props.dataset;
  return (
    <>
      <strong>{d.name}</strong>{' '}
      <span className="muted">
        {d.kind} · {formatCount(d.recordCount)} records
        {d.status !== 'READY' ? ` · ${d.status}` : ''}
      </span>
      <br />
      <code className="id">{d.id}</code>
    </>
  );
}

/** What a job read and made: linked dataset, run, model version, output, then the details. */
export function JobLineage(props: { job: JobDetail }): ReactNode {
  const { job } = props;
  const links: [string, ReactNode][] = [];
  if (job.dataset) links.push(['dataset read', <DatasetRef dataset={job.dataset} />]);
  if (job.run) {
    links.push([
      job.kind === 'TRAIN' ? 'run trained' : 'model of run',
      <>
        <a href={routeHref({ page: 'run', id: job.run.id })}>Run {job.run.id}</a>{' '}
        <span className="muted">{job.run.architecture}</span>
      </>,
    ]);
  }
  if (job.modelVersion) {
    const mv = job.modelVersion;
    links.push([
      'model version',
      <>
        <strong>
          {mv.name} v{mv.version}
        </strong>
        {mv.aliases.length > 0 ? <span className="muted"> ({mv.aliases.join(', ')})</span> : null}
        <br />
        <code className="id">{mv.id}</code>
      </>,
    ]);
  }
  if (job.outputDataset) {
    links.push(['dataset made', <DatasetRef dataset={job.outputDataset} />]);
  }
  const details = summarizeJson(parseJson(job.lineage) ?? {});
  return (
    <section className="details lineage" data-testid="job-lineage">
      {links.length > 0 ? (
        <dl className="kv">
          {links.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <KeyValues items={details} empty="No further lineage recorded." />
    </section>
  );
}
