import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { formatAgo, formatDateTime } from '../format/date.ts';
import { formatCount } from '../format/number.ts';
import { DATASETS_QUERY } from '../graphql/operations.ts';
import type { CursorPages } from '../jobs/cursor-pages.ts';
import { FIRST_PAGE, nextPage, pageNumber, previousPage } from '../jobs/cursor-pages.ts';
import { useProject } from '../project/use-project.tsx';
import { routeHref } from '../routing/route.ts';

const PAGE_SIZE = 25;

/** The project's datasets, newest first, a page at a time: kind, counts, warnings. */
export function DatasetsPage(): ReactNode {
  const { project } = useProject();
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const { data, previousData, error, loading } = useQuery(DATASETS_QUERY, {
    variables: { first: PAGE_SIZE, after: pages.after, projectId: project?.id },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  if (!shown && loading) return <p className="muted">Loading datasets…</p>;
  if (!shown) return <p className="error-box">Could not load datasets: {error?.message}</p>;
  const datasets = shown.datasets.edges.map((e) => e.node);
  const { pageInfo, totalCount } = shown.datasets;
  const now = Date.now();
  return (
    <section>
      <h1>Datasets</h1>
      {error ? <p className="error-box">Refresh failed: {error.message}</p> : null}
      {datasets.length === 0 ? (
        <p className="muted">
          No datasets in this project yet: New run makes a demo one, and imports add others.
        </p>
      ) : (
        <table className="data" data-testid="datasets-table">
          <thead>
            <tr>
              <th>name</th>
              <th>kind</th>
              <th>status</th>
              <th className="num">records</th>
              <th className="num">length</th>
              <th className="num">warnings</th>
              <th>created</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id} data-dataset-id={d.id}>
                <td>
                  <a href={routeHref({ page: 'dataset', id: d.id })}>{d.name}</a>
                </td>
                <td>{d.kind}</td>
                <td>{d.status}</td>
                <td className="num">{formatCount(d.recordCount)}</td>
                <td className="num">{d.sequenceLength == null ? '—' : `${d.sequenceLength} bp`}</td>
                <td className={d.warningCount > 0 ? 'num warn' : 'num'}>
                  {formatCount(d.warningCount)}
                </td>
                <td title={formatAgo(d.createdAt, now)}>{formatDateTime(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages of datasets">
        <button
          type="button"
          disabled={pages.previous.length === 0 && pages.after === null}
          onClick={() => setPages(previousPage(pages))}
        >
          ← Previous
        </button>
        <span>
          page {pageNumber(pages)} · {formatCount(totalCount)} datasets
        </span>
        <button
          type="button"
          disabled={!pageInfo.hasNextPage}
          onClick={() => pageInfo.endCursor && setPages(nextPage(pages, pageInfo.endCursor))}
        >
          Next →
        </button>
      </nav>
    </section>
  );
}
