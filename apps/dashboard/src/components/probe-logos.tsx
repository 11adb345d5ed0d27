import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { LogoView } from '../chart/logo-view.tsx';
import type { Base } from '../chart/attribution-track.ts';
import { BASES } from '../chart/attribution-track.ts';
import { formatMetric } from '../format/number.ts';
import { RUN_PROBE_ATTRIBUTIONS_QUERY } from '../graphql/operations.ts';
import type { ProbeAttribution } from '../graphql/types.ts';
import type { LiveProbes } from '../live/progress-reducer.ts';

const isBase = (c: string): c is Base => (BASES as readonly string[]).includes(c);

/** [length × 4] row-major scores as rows [A, C, G, T]. */
export function scoreRows(scores: readonly number[]): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + 4 <= scores.length; i += 4) rows.push(scores.slice(i, i + 4));
  return rows;
}

/** Every probe's gradient × input letter logo at one epoch. */
export function ProbeLogoList(props: {
  epoch: number;
  attributions: readonly ProbeAttribution[];
}): ReactNode {
  return (
    <div className="probe-logos" data-testid="probe-logos" data-epoch={props.epoch}>
      {props.attributions.map((a) => {
        const rows = scoreRows(a.scores);
        return (
          <figure key={a.probe} className="sequence-track" data-testid="probe-logo">
            <figcaption>
              <strong>probe {a.probe + 1}</strong>{' '}
              <span className="muted">
                epoch {props.epoch} · output {formatMetric(a.output)}
              </span>
            </figcaption>
            <LogoView
              rows={rows}
              unit="gradient × input"
              reference={[...a.sequence].map((c) => (isBase(c) ? c : null))}
              label={`Attribution letter logo of probe ${a.probe + 1} at epoch ${props.epoch}`}
            />
          </figure>
        );
      })}
    </div>
  );
}

/**
 * Live interpretation on the run page: the probes' letter logos, following the latest epoch
 * (live events as they come, else the stored latest) or showing a chosen earlier epoch.
 */
export function ProbeLogos(props: {
  runId: string;
  currentEpoch: number;
  live: LiveProbes | null;
}): ReactNode {
  const [chosen, setChosen] = useState<number | null>(null);
  const following = chosen === null;
  const useLive = following && props.live !== null;
  const { data, error } = useQuery(RUN_PROBE_ATTRIBUTIONS_QUERY, {
    variables: { id: props.runId, epoch: chosen },
    skip: useLive,
    fetchPolicy: 'cache-and-network',
  });
  const stored = data?.run;
  const shown: LiveProbes | null = useLive
    ? props.live
    : stored && stored.probeAttributions.length
      ? { epoch: stored.probeAttributions[0].epoch, attributions: stored.probeAttributions }
      : null;
  const last = Math.max(props.currentEpoch, props.live?.epoch ?? 0);
  return (
    <section className="probe-section" data-testid="probe-section">
      <h2>Probe attributions</h2>
      <p className="muted">
        Gradient × input of each probe sequence at the end of every epoch: letters above the line
        raise the output, below it lower it.{' '}
        <label>
          Epoch{' '}
          <select
            value={chosen ?? ''}
            onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}
            data-testid="probe-epoch"
          >
            <option value="">latest</option>
            {Array.from({ length: last }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      </p>
      {error ? <p className="error-box">Could not load the attributions: {error.message}</p> : null}
      {shown ? (
        <ProbeLogoList epoch={shown.epoch} attributions={shown.attributions} />
      ) : (
        <p className="muted">No epoch has finished yet.</p>
      )}
    </section>
  );
}
