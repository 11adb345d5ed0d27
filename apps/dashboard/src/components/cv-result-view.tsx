import type { ReactNode } from 'react';
import type { CvResultView } from '../jobs/cv-result.ts';
import { FoldMetricsTable } from './fold-metrics-table.tsx';

/** A cross-validation's result: how it was set up, then per-fold test metrics and mean ± sd. */
export function CvResult(props: { result: CvResultView }): ReactNode {
  const r = props.result;
  const setup = [
    r.architecture,
    r.task ? `${r.task} task` : null,
    `${r.folds.length} folds`,
    r.epochs != null ? `up to ${r.epochs} epochs each` : null,
    r.seed != null ? `seed ${r.seed}` : null,
    r.backend ? `on ${r.backend}` : null,
  ].filter(Boolean);
  return (
    <div className="cv-result">
      <p className="muted">{setup.join(' · ')}</p>
      <FoldMetricsTable metrics={r} undefinedFolds={r.undefinedFolds} testId="cv-folds" />
      {r.baseline ? (
        <>
          <h3>Baseline on the same folds: {r.baseline.description}</h3>
          <FoldMetricsTable metrics={r.baseline} undefinedFolds={{}} testId="cv-baseline" />
        </>
      ) : null}
      {r.pwmScan ? (
        <>
          <h3>Baseline on the same folds: {r.pwmScan.description}</h3>
          <FoldMetricsTable metrics={r.pwmScan} undefinedFolds={{}} testId="cv-pwm-scan" />
        </>
      ) : null}
      {r.nested ? (
        <>
          <h3>
            Nested CV: each fold's configuration, chosen by {r.nested.innerFolds ?? '?'}-fold inner
            CV on its training rows
          </h3>
          <table className="data" data-testid="cv-nested">
            <thead>
              <tr>
                <th>fold</th>
                <th>chosen</th>
                <th className="num">inner {r.nested.metric}</th>
              </tr>
            </thead>
            <tbody>
              {r.nested.folds.map((f) => (
                <tr key={f.fold} data-nested-fold={f.fold}>
                  <td>{f.fold}</td>
                  <td>{f.chosen}</td>
                  <td className="num">{f.score == null ? '—' : f.score.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
