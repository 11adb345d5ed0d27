import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { AttributionTrackView } from '../chart/attribution-track-view.tsx';
import { LogoView } from '../chart/logo-view.tsx';
import { referenceBase } from '../chart/logo.ts';
import { BASE_COLORS, BASES, dominantBase, trackValues } from '../chart/attribution-track.ts';
import { formatMetric, formatNumber } from '../format/number.ts';
import { attributionFeatures, isPlaced, sequenceLocus } from '../genome/attribution-track.ts';
import { EXPLANATION_QUERY } from '../graphql/operations.ts';
import { GenomeSection } from './genome-section.tsx';
import type { Explanation, JobStatus } from '../graphql/types.ts';

const PER_PAGE = 8;

/**
 * Letters: every base's contribution as a letter that tall (above the line it raises the
 * prediction), the bases present under the axis. Bars: one bar per position (positionScores).
 */
type Drawing = 'letters' | 'bars';

const METHOD_NAMES: Record<string, string> = {
  ISM: 'in silico mutagenesis',
  SALIENCY: 'saliency',
  GRADXINPUT: 'gradient × input',
  IG: 'integrated gradients',
  DEEPLIFT: 'DeepLIFT (rescale rule; reference: the base composition)',
  DEEPSHAP: 'DeepSHAP (DeepLIFT over 20 dinucleotide shuffles)',
};

/** What a bar's height and colour mean for each way positionScores summarise a position. */
function meaning(summary: string): { height: string; colour: string } {
  if (summary === 'sum') {
    return {
      height: 'the attribution of the base present (below the line: it lowers the prediction)',
      colour: 'the base present',
    };
  }
  if (summary === 'max |effect|') {
    return {
      height:
        'the largest change a single-base substitution makes to the prediction (below the line: it lowers it)',
      colour: 'the substituted base',
    };
  }
  return { height: 'the largest gradient of the four bases', colour: 'the base with it' };
}

function BaseLegend(): ReactNode {
  return (
    <ul className="legend bases">
      {BASES.map((b) => (
        <li key={b}>
          <span className="swatch base" style={{ background: BASE_COLORS[b] }} />
          {b}
        </li>
      ))}
    </ul>
  );
}

function SequenceTrack(props: {
  explanation: Explanation;
  index: number;
  drawing: Drawing;
  /** Moves (or opens) the genome view to a sequence that lies on the reference. */
  onLocus?: (locus: string) => void;
}): ReactNode {
  const s = props.explanation.sequences[props.index];
  const values = trackValues(props.explanation.summary, s.positionScores, s.scores);
  const onLocus = props.onLocus;
  return (
    <figure className="sequence-track" data-testid="sequence-track" data-sequence={s.id}>
      <figcaption>
        <strong>{s.id}</strong>{' '}
        {isPlaced(s) ? (
          onLocus ? (
            <button
              type="button"
              className="link locus"
              data-testid="sequence-locus"
              title="Show this region in the genome view"
              onClick={() => onLocus(sequenceLocus(s))}
            >
              {sequenceLocus(s)} ({s.strand ?? '+'})
            </button>
          ) : (
            <span className="muted">
              {sequenceLocus(s)} ({s.strand ?? '+'})
            </span>
          )
        ) : null}{' '}
        <span className="muted">
          prediction {formatMetric(s.prediction)}
          {props.explanation.target === 'logit' ? ` · logit ${formatNumber(s.explained)}` : ''}
          {s.reference != null ? ` · reference ${formatNumber(s.reference)}` : ''}
        </span>
      </figcaption>
      {props.drawing === 'letters' ? (
        <LogoView
          rows={s.scores}
          unit={props.explanation.target === 'logit' ? 'contribution (logit)' : 'contribution'}
          reference={s.scores.map((row) => referenceBase(row))}
          label={`Attribution letter logo of ${s.id}`}
          testId="attribution-logo"
        />
      ) : (
        <AttributionTrackView
          positionScores={values}
          scores={s.scores}
          label={`Attribution per position of ${s.id}`}
        />
      )}
      <div className="top-positions">
        <span className="muted">top positions</span>
        <ol>
          {s.topPositions.map((p) => {
            const base = dominantBase(s.scores[p.position - 1]);
            return (
              <li key={p.position}>
                <span
                  className="base-chip"
                  style={{ background: base ? BASE_COLORS[base] : '#9aa3ad' }}
                >
                  {base ?? '·'}
                </span>
                {p.position}{' '}
                <span className="muted">{formatNumber(values[p.position - 1] ?? p.score)}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
}

/** An explanation job's result: method and task, then one attribution track per sequence. */
export function ExplanationView(props: {
  jobId: string;
  status: JobStatus;
  /** The job's reference FASTA's file name (lineage): with placed sequences, a genome view. */
  referenceName?: string | null;
}): ReactNode {
  const ready = props.status === 'SUCCEEDED';
  const { data, error, loading } = useQuery(
    EXPLANATION_QUERY,
    ready ? { variables: { jobId: props.jobId } } : skipToken,
  );
  if (!ready)
    return <p className="muted">The attributions appear here when the job has succeeded.</p>;
  if (!data && loading) return <p className="muted">Loading the attributions…</p>;
  if (error) return <p className="error-box">Could not load the explanation: {error.message}</p>;
  const explanation = data?.explanation;
  if (!explanation) return <p className="muted">This job has no explanation stored.</p>;
  return (
    <ExplanationBody
      jobId={props.jobId}
      explanation={explanation}
      referenceName={props.referenceName ?? null}
    />
  );
}

/**
 * A stored explanation: its facts, the genome view when its sequences lie on the job's reference
 * (a region's locus moves it there), and one attribution track per sequence.
 */
export function ExplanationBody(props: {
  jobId: string;
  explanation: Explanation;
  referenceName: string | null;
}): ReactNode {
  const { explanation, referenceName } = props;
  const [page, setPage] = useState(0);
  const [drawing, setDrawing] = useState<Drawing>('letters');
  // null: the genome view is closed; '' open where igv starts; else the locus to show.
  const [locus, setLocus] = useState<string | null>(null);
  const attribution = useMemo(() => {
    const features = attributionFeatures(explanation.summary, explanation.sequences);
    const what = explanation.target === 'logit' ? 'logit' : 'output';
    return features.length > 0
      ? { name: `attribution (${explanation.method.toLowerCase()}, ${what})`, features }
      : null;
  }, [explanation]);
  const { sequences } = explanation;
  const pages = Math.ceil(sequences.length / PER_PAGE);
  const from = page * PER_PAGE;
  const m = meaning(explanation.summary);
  const genome = attribution !== null && referenceName !== null;
  const firstPlaced = sequences.find(isPlaced);
  return (
    <section className="explanation" data-testid="explanation">
      <dl className="facts">
        <div>
          <dt>method</dt>
          <dd>{METHOD_NAMES[explanation.method] ?? explanation.method}</dd>
        </div>
        <div>
          <dt>task</dt>
          <dd>
            {explanation.taskName} <span className="muted">(output {explanation.task})</span>
          </dd>
        </div>
        <div>
          <dt>sequences</dt>
          <dd>
            {sequences.length} × {explanation.inputLength} bp
          </dd>
        </div>
        <div>
          <dt>backend</dt>
          <dd>{explanation.backend}</dd>
        </div>
      </dl>
      {genome ? (
        <GenomeSection
          jobId={props.jobId}
          referenceName={referenceName}
          task={null}
          attribution={attribution}
          locus={locus}
          onOpen={() => setLocus((l) => l ?? (firstPlaced ? sequenceLocus(firstPlaced) : ''))}
          hint={
            <>
              the attributions as a track over {referenceName}; a region&apos;s locus below moves it
              there
            </>
          }
          note={
            explanation.summary === 'max |effect|'
              ? 'Each reference base scaled by its attribution: minus the mean effect of its three substitutions (upside down when negative). Zoom in to see the letters.'
              : explanation.summary === 'max'
                ? 'Each reference base scaled by its saliency (the largest |gradient|, unsigned). Zoom in to see the letters.'
                : 'Each reference base scaled by its attribution (upside down when it lowers the prediction). Zoom in to see the letters.'
          }
        />
      ) : null}
      <div className="track-key">
        <BaseLegend />
        <span className="drawing-choice" role="group" aria-label="Drawing">
          {(['letters', 'bars'] as const).map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={drawing === d}
              className={drawing === d ? 'current' : undefined}
              onClick={() => setDrawing(d)}
            >
              {d}
            </button>
          ))}
        </span>
        <span className="muted">
          {drawing === 'letters'
            ? 'Letter height: the contribution of that base at that position (above the line it raises the prediction, below it lowers it). Under the axis: the base present, where the method shows it.'
            : `Bar height: ${m.height}. Colour: ${m.colour}.`}
        </span>
      </div>
      {sequences.slice(from, from + PER_PAGE).map((s, i) => (
        <SequenceTrack
          key={s.id}
          explanation={explanation}
          index={from + i}
          drawing={drawing}
          onLocus={genome ? setLocus : undefined}
        />
      ))}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of sequences">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            ← Previous
          </button>
          <span className="muted">
            sequences {from + 1}–{Math.min(from + PER_PAGE, sequences.length)} of {sequences.length}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next →
          </button>
        </nav>
      ) : null}
    </section>
  );
}
