import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { extentDomain } from '../chart/domain.ts';
import { LineChart } from '../chart/line-chart.tsx';
import { formatCount, formatMeanSd, formatNumber } from '../format/number.ts';
import type { MarginalizationQuery } from '../graphql/generated.ts';
import { MARGINALIZATION_QUERY } from '../graphql/operations.ts';
import type { JobStatus } from '../graphql/types.ts';
import { effectSeries } from '../jobs/effect-series.ts';
import type { Effect } from '../jobs/effect-series.ts';

export type MarginalizationResult = NonNullable<MarginalizationQuery['marginalization']>;

const motifName = (m: { name: string | null; consensus: string }) =>
  m.name ? `${m.name} (${m.consensus})` : m.consensus;

const range = (e: Effect) =>
  e.min === null || e.max === null ? '' : `, ${formatNumber(e.min)} to ${formatNumber(e.max)}`;

/** An effect curve (by position or spacing) with its ± sd band. */
function EffectChart(props: {
  testId: string;
  title: string;
  xLabel: string;
  points: { x: number; effect: Effect }[];
}): ReactNode {
  const series = effectSeries(props.testId, props.points);
  const xs = props.points.map((p) => p.x);
  return (
    <LineChart
      testId={props.testId}
      title={props.title}
      series={series}
      xDomain={[Math.min(...xs), Math.max(Math.max(...xs), Math.min(...xs) + 1)]}
      yDomain={extentDomain(
        series.map((s) => s.points),
        [0],
      )}
      xLabel={props.xLabel}
      integerX
    />
  );
}

/** A marginalisation's result: the effect, by position and by spacing with spread, ablation. */
export function MarginalizationResultView(props: { result: MarginalizationResult }): ReactNode {
  const r = props.result;
  return (
    <section data-testid="marginalization">
      <p data-testid="marginal-effect">
        {motifName(r.motif)} at {r.motif.position}: {r.target} effect{' '}
        <strong>{formatMeanSd(r.effect.mean, r.effect.sd)}</strong>
        {range(r.effect)} over {formatCount(r.backgrounds)} backgrounds (mean {r.target}{' '}
        {formatNumber(r.before)} → {formatNumber(r.after)}){' '}
        <span className="muted">({r.backend})</span>
      </p>
      {r.positions.length > 0 ? (
        <EffectChart
          testId="effect-by-position"
          title={`Effect of ${motifName(r.motif)} by position (mean ± sd)`}
          xLabel="position"
          points={r.positions.map((p) => ({ x: p.position, effect: p.effect }))}
        />
      ) : null}
      {r.second && r.spacings.length > 0 ? (
        <>
          <EffectChart
            testId="effect-by-spacing"
            title={`${motifName(r.motif)} then ${motifName(r.second)}: effect by spacing (mean ± sd)`}
            xLabel="spacing"
            points={r.spacings.map((s) => ({ x: s.spacing, effect: s.effect }))}
          />
          <table className="compact" data-testid="spacing-table">
            <thead>
              <tr>
                <th>spacing</th>
                <th>effect (mean ± sd)</th>
                <th>min</th>
                <th>max</th>
              </tr>
            </thead>
            <tbody>
              {r.spacings.map((s) => (
                <tr
                  key={s.spacing}
                  className={s.spacing === r.bestSpacing ? 'best' : undefined}
                  data-spacing={s.spacing}
                >
                  <td>
                    {s.spacing}
                    {s.spacing === r.bestSpacing ? ' (best)' : ''}
                  </td>
                  <td>{formatMeanSd(s.effect.mean, s.effect.sd)}</td>
                  <td>{formatNumber(s.effect.min)}</td>
                  <td>{formatNumber(s.effect.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {r.ablation ? (
        <p data-testid="ablation">
          Ablation:{' '}
          {r.ablation.ablated === 0
            ? `no record among ${formatCount(r.sequences)} has a match to shuffle.`
            : `${formatCount(r.ablation.ablated)} of ${formatCount(r.sequences)} records had a match; shuffling it drops the ${r.target} by ${formatMeanSd(r.ablation.drop.mean, r.ablation.drop.sd)}${range(r.ablation.drop)}.`}
        </p>
      ) : null}
    </section>
  );
}

/** A marginalize job's result, read through `marginalization` once the job has succeeded. */
export function MarginalizationView(props: { jobId: string; status: JobStatus }): ReactNode {
  const ready = props.status === 'SUCCEEDED';
  const { data, error, loading } = useQuery(
    MARGINALIZATION_QUERY,
    ready ? { variables: { jobId: props.jobId } } : skipToken,
  );
  if (!ready) return <p className="muted">The effects appear here when the job has succeeded.</p>;
  if (!data && loading) return <p className="muted">Loading the effects…</p>;
  if (error) return <p className="error-box">Could not load the effects: {error.message}</p>;
  const result = data?.marginalization;
  if (!result) return <p className="muted">This job has no effects stored.</p>;
  return <MarginalizationResultView result={result} />;
}
