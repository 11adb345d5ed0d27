import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { extentDomain } from '../chart/domain.ts';
import { LineChart } from '../chart/line-chart.tsx';
import { formatNumber } from '../format/number.ts';
import type { SequenceDesignQuery } from '../graphql/generated.ts';
import { SEQUENCE_DESIGN_QUERY } from '../graphql/operations.ts';
import type { JobStatus } from '../graphql/types.ts';
import { editedBases } from '../jobs/effect-series.ts';

export type SequenceDesignResult = NonNullable<SequenceDesignQuery['sequenceDesign']>;

const edit = (e: { position: number; from: string; to: string }) =>
  `${e.position + 1} ${e.from}>${e.to}`;

/** A sequence with its edited bases marked (<mark>), positions in their tooltips. */
export function EditedSequence(props: {
  sequence: string;
  edits: readonly { position: number; from: string; to: string }[];
}): ReactNode {
  const from = new Map(props.edits.map((e) => [e.position, e.from]));
  return (
    <code className="sequence edited-sequence" data-testid="designed-sequence">
      {editedBases(props.sequence, props.edits).map(({ base, edited }, i) =>
        edited ? (
          <mark key={i} data-position={i} title={`position ${i + 1}: ${from.get(i)} → ${base}`}>
            {base}
          </mark>
        ) : (
          base
        ),
      )}
    </code>
  );
}

/** A design's result: score by step, the trajectory's edits, the best sequence highlighted. */
export function SequenceDesignResultView(props: { result: SequenceDesignResult }): ReactNode {
  const r = props.result;
  const points = r.trajectory.map((s) => ({ x: s.step, y: s.score }));
  const series = [
    {
      name: 'design-score',
      label: `${r.target}`,
      color: '#d55e00',
      marker: 'circle' as const,
      points,
    },
  ];
  const last = Math.max(1, ...points.map((p) => p.x));
  return (
    <section data-testid="sequence-design">
      <p data-testid="design-summary">
        {r.method}: {r.target} {formatNumber(r.start.score)} →{' '}
        <strong>{formatNumber(r.best.score)}</strong> with {r.best.edits.length} edit
        {r.best.edits.length === 1 ? '' : 's'} (step {r.best.step}){' '}
        <span className="muted">({r.backend})</span>
      </p>
      <EditedSequence sequence={r.best.sequence} edits={r.best.edits} />
      <LineChart
        testId="design-trajectory"
        title={`Best ${r.target} per ${r.method === 'evolution' ? 'generation' : 'step'}`}
        series={series}
        xDomain={[0, last]}
        yDomain={extentDomain([points])}
        xLabel={r.method === 'evolution' ? 'generation' : 'step'}
        integerX
      />
      <table className="compact" data-testid="design-steps">
        <thead>
          <tr>
            <th>step</th>
            <th>{r.target}</th>
            <th>edits from the start</th>
          </tr>
        </thead>
        <tbody>
          {r.trajectory.map((s) => (
            <tr
              key={s.step}
              data-step={s.step}
              className={s.step === r.best.step ? 'best' : undefined}
            >
              <td>{s.step}</td>
              <td>{formatNumber(s.score)}</td>
              <td>{s.edits.length === 0 ? '—' : s.edits.map(edit).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A design job's result, read through `sequenceDesign` once the job has succeeded. */
export function SequenceDesignView(props: { jobId: string; status: JobStatus }): ReactNode {
  const ready = props.status === 'SUCCEEDED';
  const { data, error, loading } = useQuery(
    SEQUENCE_DESIGN_QUERY,
    ready ? { variables: { jobId: props.jobId } } : skipToken,
  );
  if (!ready) return <p className="muted">The design appears here when the job has succeeded.</p>;
  if (!data && loading) return <p className="muted">Loading the design…</p>;
  if (error) return <p className="error-box">Could not load the design: {error.message}</p>;
  const result = data?.sequenceDesign;
  if (!result) return <p className="muted">This job has no design stored.</p>;
  return <SequenceDesignResultView result={result} />;
}
