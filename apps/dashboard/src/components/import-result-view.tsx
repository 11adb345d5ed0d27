import type { ReactNode } from 'react';
import { formatCount } from '../format/number.ts';
import type { DatasetWarning, JobDataset } from '../graphql/types.ts';
import type { ImportResultView } from '../jobs/import-result.ts';

/** The warnings kept with a dataset: per rule, its count and first few places. */
export function DatasetWarnings(props: { warnings: DatasetWarning[] }): ReactNode {
  const { warnings } = props;
  if (warnings.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="warnings" data-testid="dataset-warnings">
      {warnings.map((w) => (
        <li key={w.rule}>
          <code>{w.rule}</code> × {formatCount(w.count)}
          <ul>
            {w.examples.map((e) => (
              <li key={`${e.file}:${e.line}:${e.message}`}>
                <code>
                  {e.file}:{e.line}
                </code>{' '}
                {e.message}
              </li>
            ))}
            {w.count > w.examples.length ? (
              <li className="muted">… and {formatCount(w.count - w.examples.length)} more</li>
            ) : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** An import's result: the dataset it made, its records, checksum and warnings. */
export function ImportResult(props: {
  result: ImportResultView;
  output: JobDataset | null;
}): ReactNode {
  const { result, output } = props;
  return (
    <dl className="facts" data-testid="import-result">
      <div>
        <dt>dataset</dt>
        <dd>
          {output ? (
            <>
              <strong>{output.name}</strong> <span className="muted">{output.kind}</span>
            </>
          ) : (
            <span className="muted">no longer exists</span>
          )}
          <br />
          <code className="id">{output?.id ?? result.datasetId ?? '—'}</code>
        </dd>
      </div>
      <div>
        <dt>records</dt>
        <dd>{formatCount(result.records)}</dd>
      </div>
      <div className="wide">
        <dt>checksum (SHA-256)</dt>
        <dd>
          <code className="hash">{result.checksum ?? '—'}</code>
        </dd>
      </div>
      {output ? (
        <div className="wide">
          <dt>warnings{output.warningCount ? ` (${formatCount(output.warningCount)})` : ''}</dt>
          <dd>
            <DatasetWarnings warnings={output.warnings} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
