import type { ReactNode } from 'react';
import { LineChart } from '../chart/line-chart.tsx';
import { formatMetric } from '../format/number.ts';
import type { RunEvaluation } from '../view/evaluation.ts';
import {
  calibrationSeries,
  evaluationSource,
  MAX_CHART_CLASSES,
  prSeries,
  rocSeries,
  scatterDomain,
  scatterSeries,
} from '../view/evaluation.ts';

/** Confusion matrices shown; a multitask model's further tasks are left to the table. */
const MAX_MATRICES = 8;

const UNIT: readonly [number, number] = [0, 1];

function Confusion(props: { matrix: RunEvaluation['confusion'][number] }): ReactNode {
  const { name, labels, counts, rule } = props.matrix;
  return (
    <figure className="evaluation-confusion" data-testid="evaluation-confusion" data-name={name}>
      <figcaption>
        {name} <span className="muted">(predicted by {rule})</span>
      </figcaption>
      <table className="data confusion">
        <thead>
          <tr>
            <th>actual \ predicted</th>
            {labels.map((label) => (
              <th key={label} className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((row, a) => {
            const total = row.reduce((sum, n) => sum + n, 0);
            return (
              <tr key={a}>
                <th>{labels[a]}</th>
                {row.map((count, p) => {
                  const share = total > 0 ? count / total : 0;
                  const rgb = p === a ? '0, 114, 178' : '213, 94, 0';
                  return (
                    <td
                      key={p}
                      className="num"
                      title={`${(share * 100).toFixed(1)}% of ${labels[a]}`}
                      style={{ background: `rgba(${rgb}, ${(0.06 + 0.5 * share).toFixed(3)})` }}
                    >
                      {p === a ? <strong>{count}</strong> : count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}

function ClassTable(props: { classes: RunEvaluation['classes'] }): ReactNode {
  return (
    <table className="data" data-testid="evaluation-classes">
      <thead>
        <tr>
          <th>task / class</th>
          <th className="num">positives</th>
          <th className="num">negatives</th>
          <th className="num">AUROC</th>
          <th className="num">AUPRC</th>
        </tr>
      </thead>
      <tbody>
        {props.classes.map((c) => (
          <tr key={c.name}>
            <th>{c.name}</th>
            <td className="num">{c.positives}</td>
            <td className="num">{c.negatives}</td>
            <td className="num">{formatMetric(c.auroc)}</td>
            <td className="num">{formatMetric(c.auprc)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Classification(props: { e: RunEvaluation }): ReactNode {
  const { e } = props;
  const several = e.classes.length > 1;
  const kind = e.task === 'multiclass' ? 'class (one vs rest)' : 'task';
  return (
    <>
      {e.classes.length > MAX_CHART_CLASSES ? (
        <p className="muted">
          The charts draw the first {MAX_CHART_CLASSES} of {e.classes.length}; the table has them
          all.
        </p>
      ) : null}
      <div className="charts fill">
        <LineChart
          testId="roc-chart"
          title={several ? `ROC per ${kind}` : 'ROC'}
          series={rocSeries(e)}
          xDomain={UNIT}
          yDomain={UNIT}
          xLabel="false-positive rate (y: true-positive rate)"
        />
        <LineChart
          testId="pr-chart"
          title={several ? `Precision–recall per ${kind}` : 'Precision–recall'}
          series={prSeries(e)}
          xDomain={UNIT}
          yDomain={UNIT}
          xLabel="recall (y: precision)"
        />
        <LineChart
          testId="calibration-chart"
          title="Calibration (10 equal-width bins)"
          series={calibrationSeries(e)}
          xDomain={UNIT}
          yDomain={UNIT}
          xLabel="mean predicted probability (y: fraction positive)"
        />
      </div>
      {several ? <ClassTable classes={e.classes} /> : null}
      <h3>Confusion {e.confusion.length > 1 ? 'matrices' : 'matrix'}</h3>
      <div className="confusion-grid">
        {e.confusion.slice(0, MAX_MATRICES).map((m) => (
          <Confusion key={m.name} matrix={m} />
        ))}
      </div>
      {e.confusion.length > MAX_MATRICES ? (
        <p className="muted">
          {e.confusion.length - MAX_MATRICES} more tasks' matrices are not shown.
        </p>
      ) : null}
    </>
  );
}

function Regression(props: { e: RunEvaluation }): ReactNode {
  return (
    <div className="charts fill">
      {props.e.regression.map((r, i) => {
        const domain = scatterDomain(r);
        return (
          <div key={r.name} data-testid="regression-output" data-name={r.name}>
            <LineChart
              testId="scatter-chart"
              title={`Predicted vs observed: ${r.name}`}
              series={scatterSeries(r, i)}
              xDomain={domain}
              yDomain={domain}
              xLabel="observed (y: predicted)"
            />
            <p className="muted">
              Pearson {formatMetric(r.pearson)} · Spearman {formatMetric(r.spearman)} · R²{' '}
              {formatMetric(r.r2)} over {r.count.toLocaleString('en-US')} rows
            </p>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A run's stored evaluation: ROC, PR and calibration curves, confusion matrices (binary,
 * multitask, multi-class), or predicted-vs-observed scatters (regression); with where the
 * predictions come from.
 */
export function EvaluationView(props: { evaluation: RunEvaluation }): ReactNode {
  const e = props.evaluation;
  return (
    <section className="evaluation" data-testid="evaluation" data-task={e.task}>
      <p className="muted" data-testid="evaluation-source">
        {e.task} · {evaluationSource(e)}
        {e.omitted > 0 ? ` · ${e.omitted} more outputs not evaluated` : ''}
      </p>
      {e.regression.length > 0 ? <Regression e={e} /> : <Classification e={e} />}
    </section>
  );
}
