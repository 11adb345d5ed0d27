import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import type { Base } from '../chart/attribution-track.ts';
import { BASES } from '../chart/attribution-track.ts';
import { LogoView } from '../chart/logo-view.tsx';
import { formatCount, formatMetric } from '../format/number.ts';
import type { VariantAttributionsQuery } from '../graphql/operations.ts';
import { VARIANT_ATTRIBUTIONS_QUERY } from '../graphql/operations.ts';
import { scoreRows } from './probe-logos.tsx';

type Attribution = NonNullable<VariantAttributionsQuery['variantAttributions']>[number];

const isBase = (c: string): c is Base => (BASES as readonly string[]).includes(c);
const letters = (window: string) => [...window].map((c) => (isBase(c) ? c : null));

/**
 * One variant's ISM as two letter logos, ref window above alt window. At each position the
 * letters are the effects of substituting that base (below the line: the output drops), so a
 * motif the variant breaks shows as a block of tall letters below the line around the centre.
 */
export function VariantAttributionView(props: { attribution: Attribution }): ReactNode {
  const a = props.attribution;
  const name = `${a.chrom}:${formatCount(a.pos)} ${a.ref.slice(0, 12)}›${a.alt.slice(0, 12)}`;
  return (
    <figure className="sequence-track" data-testid="variant-attribution" data-row={a.row}>
      <figcaption>
        <strong>{name}</strong> {a.variantId ? <span>{a.variantId} </span> : null}
        <span className="muted">
          task {a.task} · diff {a.diff > 0 ? '+' : ''}
          {formatMetric(a.diff)}
          {a.quantile != null ? ` · quantile ${a.quantile.toFixed(3)}` : ''} · variant at position{' '}
          {a.center + 1}
        </span>
      </figcaption>
      <LogoView
        rows={scoreRows(a.refScores)}
        unit="ISM effect"
        reference={letters(a.refWindow)}
        label={`ISM letter logo of the reference window of ${name}`}
        testId="ism-ref"
      />
      <LogoView
        rows={scoreRows(a.altScores)}
        unit="ISM effect"
        reference={letters(a.altWindow)}
        label={`ISM letter logo of the alternate window of ${name}`}
        testId="ism-alt"
      />
    </figure>
  );
}

/** The score job page's per-base attribution of its top variants (scoreVariants(ismTop)). */
export function VariantAttributions(props: { jobId: string; count: number }): ReactNode {
  const { data, error, loading } = useQuery(VARIANT_ATTRIBUTIONS_QUERY, {
    variables: { jobId: props.jobId, first: props.count },
  });
  const list = data?.variantAttributions ?? [];
  return (
    <section className="variant-attributions" data-testid="variant-attributions">
      <h3>Per-base attribution of the top variants</h3>
      <p className="muted">
        In-silico mutagenesis: each letter is the change in the model output when that base is put
        at that position of the window (reference window above, alternate below; the window&apos;s
        own bases are under the axis).
      </p>
      {error ? <p className="error-box">Could not load the attributions: {error.message}</p> : null}
      {loading && !data ? <p className="muted">loading…</p> : null}
      {list.map((a) => (
        <VariantAttributionView key={`${a.row}`} attribution={a} />
      ))}
    </section>
  );
}
