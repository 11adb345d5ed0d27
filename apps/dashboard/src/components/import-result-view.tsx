import type { ReactNode } from 'react';
import { formatCount } from '../format/number.ts';
import type { JobDataset } from '../graphql/types.ts';
import type { ImportResultView } from '../jobs/import-result.ts';

/** An import's result: the dataset it made, its records and checksum. */
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
    </dl>
  );
}
