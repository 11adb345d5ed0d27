import { RiskHeatmap } from './risk-heatmap.tsx';
import type { ReactNode } from 'react';
import { formatCount, formatMetric, formatNumber } from '../format/number.ts';
import type { RiskResultView } from '../jobs/risk-result.ts';
import { highestRisk } from '../jobs/risk-result.ts';
import { FoldMetricsTable } from './fold-metrics-table.tsx';

const TOP_FEATURES = 20;
const SHOWN_SAMPLES = 10;

const DIRECTION = {
  1: { mark: '↑', text: 'higher values raise the risk' },
  [-1]: { mark: '↓', text: 'higher values lower the risk' },
  0: { mark: '·', text: 'no direction seen' },
} as const;

/** A risk prediction's result: CV metrics, the features that matter, the samples most at risk. */
export function RiskResult(props: { result: RiskResultView }): ReactNode {
  const r = props.result;
  const features = r.features.slice(0, TOP_FEATURES);
  const maxImportance = Math.max(...features.map((f) => f.importance), 0);
  const samples = highestRisk(r.samples, SHOWN_SAMPLES);
  const pooled = Object.entries(r.pooled).filter(([, v]) => v != null);
  return (
    <div className="risk-result">
      {r.cohort.samples != null ? (
        <p className="muted">
          {formatCount(r.cohort.samples)} samples
          {r.cohort.positives != null
            ? ` · ${formatCount(r.cohort.positives)} ${r.positiveLabel ?? 'positive'}`
            : ''}
          {r.cohort.negatives != null
            ? ` · ${formatCount(r.cohort.negatives)} ${r.negativeLabel ?? 'other'}`
            : ''}
        </p>
      ) : null}
      {r.folds.length > 0 ? (
        <>
          <h3>Cross-validated metrics</h3>
          <FoldMetricsTable metrics={r} testId="risk-folds" />
          {pooled.length > 0 ? (
            <p className="muted">
              pooled out-of-fold:{' '}
              {pooled.map(([name, v]) => `${name} ${formatMetric(v)}`).join(' · ')}
            </p>
          ) : null}
        </>
      ) : null}
      <h3>Top features</h3>
      {features.length === 0 ? (
        <p className="muted">No features were ranked.</p>
      ) : (
        <table className="data features" data-testid="risk-features">
          <thead>
            <tr>
              <th className="num">rank</th>
              <th>gene</th>
              <th>modality</th>
              <th>direction</th>
              <th className="bar-col">
                importance (mean |attribution|){' '}
                <span className="key">
                  <span className="hbar-fill expr" /> expression
                  <span className="hbar-fill burden" /> variant burden
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => (
              <tr key={`${f.modality}:${f.gene}`}>
                <td className="num">{f.rank}</td>
                <td>
                  <strong>{f.gene}</strong>
                </td>
                <td>{f.modality}</td>
                <td title={DIRECTION[f.direction].text}>
                  <span className={f.direction > 0 ? 'up' : f.direction < 0 ? 'down' : ''}>
                    {DIRECTION[f.direction].mark}
                  </span>{' '}
                  {f.direction > 0 ? 'raises' : f.direction < 0 ? 'lowers' : '—'}
                </td>
                <td className="bar-col">
                  <span className="hbar">
                    <span
                      className={`hbar-fill ${f.modality === 'expression' ? 'expr' : 'burden'}`}
                      style={{
                        width: `${maxImportance > 0 ? (f.importance / maxImportance) * 100 : 0}%`,
                      }}
                    />
                  </span>
                  <span className="hbar-value">{formatNumber(f.importance)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.featureCount > features.length ? (
        <p className="muted">
          The {features.length} most important of {formatCount(r.featureCount)} features.
        </p>
      ) : null}
      {r.heatmap ? <RiskHeatmap heatmap={r.heatmap} positiveLabel={r.positiveLabel} /> : null}
      {samples.length > 0 ? (
        <>
          <h3>Samples at highest risk</h3>
          <table className="data samples" data-testid="risk-samples">
            <thead>
              <tr>
                <th>sample</th>
                <th>label</th>
                <th className="num">fold</th>
                <th className="bar-col">risk (out of fold)</th>
                <th>what drove it</th>
              </tr>
            </thead>
            <tbody>
              {samples.map((s) => (
                <tr key={s.id}>
                  <td>{s.id}</td>
                  <td>{s.label ?? '—'}</td>
                  <td className="num">{formatCount(s.fold)}</td>
                  <td className="bar-col">
                    <span className="hbar">
                      <span className="hbar-fill risk" style={{ width: `${s.risk * 100}%` }} />
                    </span>
                    <span className="hbar-value">{formatMetric(s.risk)}</span>
                  </td>
                  <td>
                    {s.topFeatures
                      .slice(0, 3)
                      .map(
                        (t) =>
                          `${t.gene}${t.attribution != null ? (t.attribution > 0 ? ' ↑' : ' ↓') : ''}`,
                      )
                      .join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {SHOWN_SAMPLES < r.samples.length || r.sampleCount > r.samples.length
              ? `The ${samples.length} samples at highest risk of ${formatCount(r.sampleCount)}; risks are out-of-fold predictions.`
              : null}
          </p>
        </>
      ) : null}
    </div>
  );
}
