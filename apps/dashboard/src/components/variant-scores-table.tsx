import { useQuery } from '@apollo/client/react';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { formatCount, formatMetric } from '../format/number.ts';
import { VARIANT_SCORES_QUERY } from '../graphql/operations.ts';
import type { VariantScoreSortField } from '../graphql/types.ts';
import type { CursorPages } from '../jobs/cursor-pages.ts';
import { FIRST_PAGE, nextPage, pageNumber, previousPage } from '../jobs/cursor-pages.ts';
import type { VariantScoreControls } from '../jobs/variant-score-query.ts';
import { DEFAULT_CONTROLS, sortBy, variantScoreQuery } from '../jobs/variant-score-query.ts';

const PAGE_SIZE = 25;

/** An allele as the table shows it: long ones cut (an indel can be hundreds of bases). */
const allele = (bases: string) => (bases.length > 12 ? `${bases.slice(0, 11)}…` : bases);

function SortHeader(props: {
  field: VariantScoreSortField;
  controls: VariantScoreControls;
  onSort: (field: VariantScoreSortField) => void;
  children: ReactNode;
  className?: string;
}): ReactNode {
  const active = props.controls.sort === props.field;
  const arrow = active ? (props.controls.direction === 'DESC' ? ' ↓' : ' ↑') : '';
  return (
    <th
      className={props.className}
      aria-sort={
        active ? (props.controls.direction === 'DESC' ? 'descending' : 'ascending') : undefined
      }
    >
      <button type="button" className="sort" onClick={() => props.onSort(props.field)}>
        {props.children}
        {arrow}
      </button>
    </th>
  );
}

/** The scores of a variant-scoring job: filtered, sorted and paged by the API. */
export function VariantScoresTable(props: {
  jobId: string;
  tasks: readonly string[];
  /** A variant's position becomes a link that shows it in the genome view. */
  onLocus?: (chrom: string, pos: number) => void;
}): ReactNode {
  // Only valid controls are applied: a bad min |diff| stays in the form with its message.
  const [controls, setControls] = useState<VariantScoreControls>(DEFAULT_CONTROLS);
  const [draft, setDraft] = useState({ chrom: '', minAbsDiff: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const [pages, setPages] = useState<CursorPages>(FIRST_PAGE);
  const query = variantScoreQuery(controls);
  const { data, previousData, error, loading } = useQuery(VARIANT_SCORES_QUERY, {
    variables: {
      jobId: props.jobId,
      first: PAGE_SIZE,
      after: pages.after ?? undefined,
      ...(query.ok ? query.variables : {}),
    },
  });
  const apply = (next: VariantScoreControls) => {
    const checked = variantScoreQuery(next);
    setFormError(checked.ok ? null : checked.error);
    if (!checked.ok) return;
    setControls(next);
    setPages(FIRST_PAGE);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...controls, ...draft });
  };
  const shown = data ?? previousData;
  const connection = shown?.variantScores;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const first = (pageNumber(pages) - 1) * PAGE_SIZE + 1;
  const multiTask = props.tasks.length > 1;
  // Scored against a background (strand score --background, scoreVariants(background)).
  const calibrated = rows.some((r) => r.quantile != null);
  return (
    <section className="variant-scores" data-testid="variant-scores">
      <form className="filters" onSubmit={submit}>
        <label>
          chromosome{' '}
          <input
            type="search"
            value={draft.chrom}
            placeholder="any"
            size={8}
            title="17 and chr17 both work; chrM and MT too"
            data-testid="chrom-filter"
            onChange={(e) => setDraft({ ...draft, chrom: e.target.value })}
          />
        </label>
        <label>
          min |diff|{' '}
          <input
            type="text"
            inputMode="decimal"
            value={draft.minAbsDiff}
            placeholder="0"
            size={6}
            data-testid="min-abs-diff"
            aria-invalid={formError !== null}
            onChange={(e) => setDraft({ ...draft, minAbsDiff: e.target.value })}
          />
        </label>
        {multiTask ? (
          <label>
            task{' '}
            <select
              value={controls.task}
              onChange={(e) => apply({ ...controls, task: e.target.value })}
            >
              <option value="">any</option>
              {props.tasks.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">Filter</button>
        <span className="muted">
          {connection
            ? connection.totalCount === 0
              ? 'no scores match'
              : `${formatCount(first)}–${formatCount(first + rows.length - 1)} of ${formatCount(connection.totalCount)} scores`
            : loading
              ? 'loading…'
              : ''}
        </span>
      </form>
      {formError ? <p className="error-box">{formError}</p> : null}
      {error ? <p className="error-box">Could not load the scores: {error.message}</p> : null}
      {rows.length > 0 ? (
        <table className="data scores">
          <thead>
            <tr>
              <SortHeader
                field="POSITION"
                controls={controls}
                onSort={(f) => apply(sortBy(controls, f))}
              >
                variant
              </SortHeader>
              <th>id</th>
              <th>ref › alt</th>
              {multiTask ? <th>task</th> : null}
              <th className="num">ref pred</th>
              <th className="num">alt pred</th>
              <SortHeader
                field="DIFF"
                controls={controls}
                onSort={(f) => apply(sortBy(controls, f))}
                className="num"
              >
                diff
              </SortHeader>
              <SortHeader
                field="ABS_DIFF"
                controls={controls}
                onSort={(f) => apply(sortBy(controls, f))}
                className="num"
              >
                |diff|
              </SortHeader>
              <th className="num">log-odds change</th>
              {calibrated ? (
                <th
                  className="num"
                  title="share of the background variants whose |diff| is below this one's (ties count half): 0.99 = a larger effect, either sign, than 99% of the background"
                >
                  quantile
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.row}-${r.task}`} data-row={r.row}>
                <td>
                  {props.onLocus ? (
                    <button
                      type="button"
                      className="link locus"
                      title="Show in the genome view"
                      onClick={() => props.onLocus?.(r.chrom, r.pos)}
                    >
                      {r.chrom}:{formatCount(r.pos)}
                    </button>
                  ) : (
                    <>
                      {r.chrom}:{formatCount(r.pos)}
                    </>
                  )}
                </td>
                <td>{r.variantId ?? <span className="muted">—</span>}</td>
                <td className="alleles" title={`${r.ref} › ${r.alt}`}>
                  {allele(r.ref)} › {allele(r.alt)}
                </td>
                {multiTask ? <td>{r.task}</td> : null}
                <td className="num">{formatMetric(r.refPred)}</td>
                <td className="num">{formatMetric(r.altPred)}</td>
                <td className={`num ${r.diff > 0 ? 'up' : r.diff < 0 ? 'down' : ''}`}>
                  {r.diff > 0 ? '+' : ''}
                  {formatMetric(r.diff)}
                </td>
                <td className="num">{formatMetric(r.absDiff)}</td>
                <td className="num">{formatMetric(r.logOddsChange)}</td>
                {calibrated ? (
                  <td className="num" data-testid="quantile">
                    {r.quantile == null ? '—' : r.quantile.toFixed(3)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {connection && (connection.pageInfo.hasNextPage || pages.previous.length > 0) ? (
        <nav className="pager" aria-label="Pages of variant scores">
          <button
            type="button"
            disabled={pages.previous.length === 0}
            onClick={() => setPages(previousPage(pages))}
          >
            ← Previous
          </button>
          <span className="muted">page {pageNumber(pages)}</span>
          <button
            type="button"
            data-testid="scores-next-page"
            disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
            onClick={() =>
              connection.pageInfo.endCursor &&
              setPages(nextPage(pages, connection.pageInfo.endCursor))
            }
          >
            Next →
          </button>
        </nav>
      ) : null}
    </section>
  );
}
