// The genome view of a variant-scoring job or an explanation of genomic regions: igv.js over the
// job's reference FASTA (read a window at a time from GET /jobs/<id>/reference/…, with the API
// token), and either the scores as a bar track of the signed effect per variant, asked of the API
// window by window, or the attributions (already in the page: at most 100 sequences) as igv's
// "dynseq" track: the reference letters scaled by each base's signed attribution. This module and igv.js
// load only when the view is opened (React.lazy + import()), so the first page stays small.
import { useApolloClient } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { bearer, readToken } from '../auth-token.ts';
import { VARIANT_SCORES_QUERY } from '../graphql/operations.ts';
import type { VariantScoresVariables } from '../graphql/operations.ts';
import type { VariantScoresQuery } from '../graphql/generated.ts';
import { referenceFiles } from './reference-files.ts';
import { featuresIn } from './attribution-track.ts';
import { scoreFeatures, windowFilter, windowNote } from './score-track.ts';
import type { TrackScore, WigFeature } from './score-track.ts';

/** At most this many scores are drawn per window (the largest |effect|): 5 pages of 100. */
const MAX_PER_WINDOW = 500;
const PAGE = 100;

type IgvBrowser = { search(locus: string): unknown };

export interface GenomeViewProps {
  jobId: string;
  /** The reference's file name (from the job's lineage): tells a bgzip FASTA by its extension. */
  referenceName: string;
  /** The model task whose scores are drawn (a multi-task model has one track per choice). */
  task: string | null;
  /**
   * Instead of variant scores: an explanation's attributions, one feature per reference base
   * (attributionFeatures), and the track's name. Keep the object stable (useMemo).
   */
  attribution?: { name: string; features: readonly WigFeature[] } | null;
  /** Where to look; a new value moves the view. */
  locus: string | null;
}

/** igv.js showing a scoring job's reference and its variant scores. */
export function GenomeView(props: GenomeViewProps): ReactNode {
  const client = useApolloClient();
  const host = useRef<HTMLDivElement>(null);
  const browser = useRef<IgvBrowser | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [note, setNote] = useState('');
  const { jobId, referenceName, task } = props;
  const attribution = props.attribution ?? null;
  const firstLocus = useRef(props.locus);

  useEffect(() => {
    let disposed = false;
    let created: IgvBrowser | null = null;
    const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
    const token = readToken(storage);
    const headers: Record<string, string> = token ? { authorization: bearer(token) } : {};
    const readAttributions = (chr: string, start: number, end: number) => {
      const features = attribution ? featuresIn(attribution.features, chr, start, end) : [];
      if (!disposed) setNote(`${chr}: ${features.length} attributed bases in the loaded window`);
      return Promise.resolve(features);
    };
    const readFeatures = async (chr: string, start: number, end: number) => {
      const filter = windowFilter(chr, start, end, task);
      const scores: TrackScore[] = [];
      let after: string | null = null;
      let total = 0;
      while (scores.length < MAX_PER_WINDOW) {
        const variables: VariantScoresVariables = {
          jobId,
          first: PAGE,
          after,
          filter,
          orderBy: { field: 'ABS_DIFF', direction: 'DESC' },
        };
        const response = await client.query({
          query: VARIANT_SCORES_QUERY,
          variables,
          fetchPolicy: 'no-cache',
        });
        const page: VariantScoresQuery['variantScores'] | undefined = response.data?.variantScores;
        if (!page) break;
        total = page.totalCount;
        scores.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      if (!disposed) setNote(`${chr}: ${windowNote(scores.length, total)}`);
      return scoreFeatures(scores, chr);
    };
    (async () => {
      const { default: igv } = await import('igv');
      if (disposed || !host.current) return;
      const options = {
        reference: {
          id: jobId,
          name: referenceName,
          ...referenceFiles(jobId, referenceName),
          headers,
        },
        ...(firstLocus.current ? { locus: firstLocus.current } : {}),
        showSampleNames: false,
        // Nothing leaves for igv.org: no genome list, no locus search web service (a typed name
        // would be sent there), so loci stay between the browser and Strand.
        loadDefaultGenomes: false,
        search: false,
        tracks: [
          attribution
            ? {
                type: 'wig',
                name: attribution.name,
                reader: { readFeatures: readAttributions },
                queryable: true,
                // Letters scaled by the value when zoomed in to bases (< 2 bp per pixel), bars
                // further out; a negative attribution draws its letter upside down, below 0.
                graphType: 'dynseq',
                autoscale: true,
                color: '#b2182b',
                altColor: '#2166ac',
                height: 120,
                visibilityWindow: 1_000_000,
              }
            : {
                type: 'wig',
                name: `variant effect (alt − ref)${task ? `: ${task}` : ''}`,
                reader: { readFeatures },
                queryable: true,
                graphType: 'bar',
                autoscale: true,
                color: '#b2182b',
                altColor: '#2166ac',
                height: 90,
                // Past this the track asks for nothing and says "zoom in": a window stays bounded.
                visibilityWindow: 5_000_000,
              },
        ],
      };
      created = (await igv.createBrowser(
        host.current,
        options as unknown as Parameters<typeof igv.createBrowser>[1],
      )) as unknown as IgvBrowser;
      if (disposed) {
        igv.removeBrowser(created as never);
        return;
      }
      browser.current = created;
      setState('ready');
    })().catch((error: unknown) => {
      if (!disposed) setState({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      disposed = true;
      browser.current = null;
      if (created)
        void import('igv').then(({ default: igv }) => igv.removeBrowser(created as never));
    };
  }, [client, jobId, referenceName, task, attribution]);

  useEffect(() => {
    if (props.locus && state === 'ready') browser.current?.search(props.locus);
  }, [props.locus, state]);

  return (
    <section
      className="genome-view"
      data-testid="genome-view"
      data-state={typeof state === 'string' ? state : 'error'}
    >
      {state === 'loading' ? <p className="muted">Loading the genome view…</p> : null}
      {typeof state === 'object' ? (
        <p className="error-box" role="alert">
          Could not open the genome view: {state.error}
        </p>
      ) : null}
      <p className="muted" data-testid="genome-note" aria-live="polite">
        {note}
      </p>
      <div ref={host} className="igv-host" />
    </section>
  );
}
