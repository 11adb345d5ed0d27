import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { DatasetWarnings } from '../components/import-result-view.tsx';
import { PileupView } from '../components/pileup-view.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAgo, formatDateTime } from '../format/date.ts';
import { formatCount, formatMetric } from '../format/number.ts';
import type { DatasetQuery } from '../graphql/generated.ts';
import { DATASET_QUERY } from '../graphql/operations.ts';
import { jobKindName } from '../jobs/job-kinds.ts';
import { routeHref } from '../routing/route.ts';
import { labelBalance } from '../view/label-balance.ts';
import { validationColumns } from '../view/runs-view.ts';
import { metricValue } from '../live/metrics.ts';

/**
 * One dataset: its summary (kind, counts, length, checksum), class balance, the import warnings
 * per rule, and what was made from it (runs, model versions, jobs).
 */
export function DatasetPage(props: { id: string }): ReactNode {
  const { data, error, loading } = useQuery(DATASET_QUERY, {
    variables: { id: props.id },
    fetchPolicy: 'cache-and-network',
  });
  const back = <a href={routeHref({ page: 'datasets' })}>← Datasets</a>;
  if (!data && loading) return <p className="muted">Loading the dataset…</p>;
  if (!data) return <p className="error-box">Could not load the dataset: {error?.message}</p>;
  const dataset = data.dataset;
  if (!dataset) {
    return (
      <section>
        {back}
        <p className="error-box" role="alert">
          There is no dataset with id “{props.id}” in your projects.
        </p>
      </section>
    );
  }
  return (
    <section>
      {back}
      <DatasetView dataset={dataset} />
    </section>
  );
}

export type DatasetDetail = NonNullable<DatasetQuery['dataset']>;

/** A dataset's summary, class balance, warnings and what was made from it. */
export function DatasetView(props: { dataset: DatasetDetail }): ReactNode {
  const { dataset } = props;
  const { shares, imbalance } = labelBalance(dataset.labelCounts);
  const runs = dataset.derived.runs.edges.map((e) => e.node);
  const versions = dataset.derived.modelVersions.edges.map((e) => e.node);
  const jobs = dataset.derived.jobs.edges.map((e) => e.node);
  const metrics = validationColumns(runs, 4);
  const now = Date.now();
  return (
    <>
      <h1>{dataset.name}</h1>
      <dl className="kv" data-testid="dataset-summary">
        <div>
          <dt>kind</dt>
          <dd>{dataset.kind}</dd>
        </div>
        <div>
          <dt>status</dt>
          <dd>{dataset.status}</dd>
        </div>
        <div>
          <dt>records</dt>
          <dd>{formatCount(dataset.recordCount)}</dd>
        </div>
        <div>
          <dt>sequence length</dt>
          <dd>{dataset.sequenceLength == null ? '—' : `${dataset.sequenceLength} bp`}</dd>
        </div>
        <div>
          <dt>created</dt>
          <dd title={formatAgo(dataset.createdAt, now)}>{formatDateTime(dataset.createdAt)}</dd>
        </div>
        <div>
          <dt>checksum (SHA-256)</dt>
          <dd>{dataset.checksum ? <code className="hash">{dataset.checksum}</code> : '—'}</dd>
        </div>
      </dl>

      <h2>Class balance</h2>
      {shares.length === 0 ? (
        <p className="muted">No labels recorded (a variants or expression dataset).</p>
      ) : (
        <>
          <table className="data balance" data-testid="label-balance">
            <thead>
              <tr>
                <th>label</th>
                <th className="num">records</th>
                <th className="num">share</th>
                <th aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.label}>
                  <td>{s.label}</td>
                  <td className="num">{formatCount(s.count)}</td>
                  <td className="num">{(s.share * 100).toFixed(1)}%</td>
                  <td className="bar-cell" aria-hidden="true">
                    <span className="hbar">
                      <span
                        className="hbar-fill"
                        style={{ width: `${(s.share * 100).toFixed(1)}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {imbalance !== null ? (
            <p className={imbalance >= 3 ? 'warn' : 'muted'}>
              Largest class / smallest class: {imbalance.toFixed(2)}
              {imbalance >= 3 ? ' — imbalanced: prefer AUPRC and macro-F1 to accuracy.' : ''}
            </p>
          ) : null}
        </>
      )}

      {dataset.kind === 'pileups' && dataset.status === 'READY' ? (
        <PileupView datasetId={dataset.id} />
      ) : null}

      <h2>
        Import warnings <span className="muted">({formatCount(dataset.warningCount)})</span>
      </h2>
      <DatasetWarnings warnings={dataset.warnings} />

      <h2>
        Runs trained on it{' '}
        <span className="muted">({formatCount(dataset.derived.runs.totalCount)})</span>
      </h2>
      {runs.length === 0 ? (
        <p className="muted">No run has trained on this dataset yet.</p>
      ) : (
        <table className="data" data-testid="dataset-runs">
          <thead>
            <tr>
              <th>status</th>
              <th>run</th>
              <th>architecture</th>
              <th className="num">epoch</th>
              {metrics.map((m) => (
                <th key={m} className="num">
                  {m}
                </th>
              ))}
              <th>created</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>
                  <a href={routeHref({ page: 'run', id: run.id })}>{run.id.slice(0, 8)}</a>
                </td>
                <td>{run.architecture}</td>
                <td className="num">
                  {run.currentEpoch}/{run.epochs}
                </td>
                {metrics.map((m) => (
                  <td key={m} className="num">
                    {formatMetric(metricValue(run.metrics, m))}
                  </td>
                ))}
                <td>{formatDateTime(run.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dataset.derived.runs.totalCount > runs.length ? (
        <p className="muted">
          The newest {runs.length} shown;{' '}
          <a
            href={routeHref({ page: 'runs', search: `dataset=${encodeURIComponent(dataset.id)}` })}
          >
            all runs on this dataset
          </a>
          .
        </p>
      ) : null}

      <h2>Model versions from those runs</h2>
      {versions.length === 0 ? (
        <p className="muted">None registered.</p>
      ) : (
        <ul data-testid="dataset-models">
          {versions.map((v) => (
            <li key={v.id}>
              <a href={routeHref({ page: 'models' })}>
                {v.name} v{v.version}
              </a>
              {v.aliases.length ? <span className="muted"> ({v.aliases.join(', ')})</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Jobs that used it</h2>
      {jobs.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="dataset-jobs">
          {jobs.map((j) => (
            <li key={j.id}>
              <a href={routeHref({ page: 'job', id: j.id })}>{jobKindName(j.kind)}</a>{' '}
              <span className="muted">
                {j.status.toLowerCase()} · {formatDateTime(j.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
