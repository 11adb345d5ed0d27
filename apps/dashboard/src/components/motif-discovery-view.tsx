import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { LogoView } from '../chart/logo-view.tsx';
import { pwmHeights } from '../chart/logo.ts';
import type { LogoLayout } from '../chart/logo.ts';
import { formatCount, formatNumber } from '../format/number.ts';
import type { MotifDiscoveryQuery } from '../graphql/generated.ts';
import { MOTIF_DISCOVERY_QUERY } from '../graphql/operations.ts';
import type { JobStatus } from '../graphql/types.ts';

type DiscoveredMotif = NonNullable<MotifDiscoveryQuery['motifDiscovery']>['motifs'][number];

const MOTIF_LAYOUT: LogoLayout = {
  width: 460,
  height: 140,
  margin: { top: 8, right: 6, bottom: 26, left: 48 },
};

/** A JASPAR match's p-value as people read it. */
const formatP = (p: number) => (p < 0.001 ? p.toExponential(1) : formatNumber(p));

/** One discovered motif: its PWM logo (bits), its CWM logo (contribution), JASPAR matches. */
export function MotifCard(props: { motif: DiscoveredMotif }): ReactNode {
  const m = props.motif;
  return (
    <article className="motif-card" data-testid="motif" data-motif={m.name}>
      <h3>
        {m.name} <code>{m.consensus}</code>{' '}
        <span className="muted">
          {formatCount(m.seqlets)} seqlets · {formatNumber(m.informationContent)} bits ·{' '}
          {m.sign === 'negative' ? 'lowers the output' : 'raises the output'}
        </span>
      </h3>
      <div className="motif-logos">
        <figure>
          <figcaption className="muted">PWM (information content)</figcaption>
          <LogoView
            rows={pwmHeights(m.pwm)}
            unit="bits"
            minTop={2}
            layout={MOTIF_LAYOUT}
            label={`PWM logo of ${m.name}`}
            testId="pwm-logo"
          />
        </figure>
        <figure>
          <figcaption className="muted">CWM (mean contribution)</figcaption>
          <LogoView
            rows={m.cwm}
            unit="contribution"
            layout={MOTIF_LAYOUT}
            label={`CWM logo of ${m.name}`}
            testId="cwm-logo"
          />
        </figure>
      </div>
      {m.matches.length === 0 ? (
        <p className="muted">No JASPAR match.</p>
      ) : (
        <table className="compact" data-testid="motif-matches">
          <thead>
            <tr>
              <th>JASPAR</th>
              <th>factor</th>
              <th>score</th>
              <th>p</th>
            </tr>
          </thead>
          <tbody>
            {m.matches.slice(0, 5).map((match) => (
              <tr key={match.id}>
                <td>
                  <a
                    href={`https://jaspar.elixir.no/matrix/${encodeURIComponent(match.id)}/`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {match.id}
                  </a>
                </td>
                <td>{match.name}</td>
                <td>{formatNumber(match.score)}</td>
                <td>{formatP(match.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** A motif-discovery job's result: counts, then a card per motif with its logos and matches. */
export function MotifDiscoveryView(props: { jobId: string; status: JobStatus }): ReactNode {
  const ready = props.status === 'SUCCEEDED';
  const { data, error, loading } = useQuery(
    MOTIF_DISCOVERY_QUERY,
    ready ? { variables: { jobId: props.jobId } } : skipToken,
  );
  if (!ready) return <p className="muted">The motifs appear here when the job has succeeded.</p>;
  if (!data && loading) return <p className="muted">Loading the motifs…</p>;
  if (error) return <p className="error-box">Could not load the motifs: {error.message}</p>;
  const result = data?.motifDiscovery;
  if (!result) return <p className="muted">This job has no motifs stored.</p>;
  return (
    <section data-testid="motif-discovery">
      <p>
        {formatCount(result.sequences)} sequences · {formatCount(result.seqletsCalled)} seqlets
        called, {formatCount(result.seqletsClustered)} clustered into {result.motifs.length} motif
        {result.motifs.length === 1 ? '' : 's'} <span className="muted">({result.backend})</span>
      </p>
      {result.motifs.map((motif) => (
        <MotifCard key={motif.name} motif={motif} />
      ))}
    </section>
  );
}
