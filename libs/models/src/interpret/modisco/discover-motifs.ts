/**
 * Motif discovery from attributions, TF-MoDISco-lite style (Shrikumar et al., arXiv:1811.00416;
 * jmschrei/tfmodisco-lite): DeepSHAP contributions (deep-lift-shap.ts) → seqlets (seqlets.ts) →
 * clusters of aligned seqlets (cluster-seqlets.ts) → per cluster a contribution-weight matrix
 * (CWM, mean contribution of the bases present), the PWM of its aligned bases, its support, and
 * its best JASPAR matches (compareMotifs, the same comparison as first-layer filter motifs).
 *
 * Memory is flat in the number of sequences (tfmodisco #49, #118): sequences arrive in batches
 * from an (async) iterable and their attributions are dropped once seqlets are called; seqlets
 * are kept in a seeded uniform reservoir of at most `maxSeqlets` (Vitter's algorithm R), which is
 * what is clustered. `seqletsCalled` counts every seqlet; a motif's `seqlets` counts those in the
 * reservoir (its share of all seqlets is the same in expectation).
 *
 * The seqlet threshold is fitted once, on the window sums of the first batch (see seqlets.ts).
 */
import type * as tf from '@tensorflow/tfjs';
import { compareMotifs, consensus, createRng, informationContent } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { InterpretInputError } from '../interpret-input.error.ts';
import { deepLiftShap } from '../deeplift/deep-lift-shap.ts';
import { clusterSeqlets } from './cluster-seqlets.ts';
import type { Alignment, Seqlet, SeqletCluster } from './cluster-seqlets.ts';
import { callSeqlets, laplaceThreshold, positionScores, windowSums } from './seqlets.ts';

export interface DiscoverMotifsOptions {
  /** DeepSHAP references per sequence (dinucleotide shuffles); default 10. */
  shuffles?: number;
  /** Model output column explained (0-based); default 0. */
  task?: number;
  /** Seqlet core width; default 10. Flank: bases added each side; default 3. */
  window?: number;
  flank?: number;
  /** Largest shift when aligning seqlets; default 4. */
  maxShift?: number;
  /** Laplace tail probability of the seqlet threshold; default 1e-3. */
  alpha?: number;
  /** Seqlets per sequence at most; default 3. */
  seqletsPerSequence?: number;
  /** Reservoir size; default 20,000. */
  maxSeqlets?: number;
  /** Cosine similarity to join a cluster (default 0.5) and to merge two (default 0.8). */
  similarity?: number;
  mergeSimilarity?: number;
  /** Smallest cluster reported; default max(10, 1% of the reservoir's seqlets of that sign). */
  minSupport?: number;
  maxClusters?: number;
  /** Positions kept where Σ|CWM| ≥ trim × its maximum; default 0.3. */
  trim?: number;
  /** Matrices to match motifs to, and matches kept per motif (default 3). */
  database?: readonly Pfm[];
  matches?: number;
  seed?: number;
  /** Called after each batch: sequences done and seqlets called so far. */
  onProgress?: (sequences: number, seqlets: number) => void;
  /** Checked between batches; a true value stops the run with an error. */
  aborted?: () => boolean;
}

export interface MotifMatchSummary {
  id: string;
  name: string;
  /** Empirical p-value of compareMotifs. */
  p: number;
  score: number;
  strand: '+' | '-';
}

export interface DiscoveredMotif {
  /** `pos_1`, `neg_1`, … (MoDISco's pattern names): by sign, then by support. */
  name: string;
  sign: 'positive' | 'negative';
  /** Seqlets of the reservoir in the cluster. */
  seqlets: number;
  consensus: string;
  /** Bits, of the PWM. */
  informationContent: number;
  /** Trimmed width × 4 (A, C, G, T): base probabilities, mean contributions, base counts. */
  pwm: number[][];
  cwm: number[][];
  pfm: Pfm;
  matches: MotifMatchSummary[];
}

export interface MotifDiscoveryResult {
  sequences: number;
  length: number;
  seqletsCalled: number;
  seqletsClustered: number;
  threshold: number;
  motifs: DiscoveredMotif[];
}

const WHAT = 'discoverMotifs';

function checkInt(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InterpretInputError(`${WHAT}: ${name} ${value} is not an integer ≥ ${min}`);
  }
}

/** Discovers motifs in the attributions of `batches` of sequences (see the file comment). */
export async function discoverMotifs(
  model: tf.LayersModel,
  batches: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  options: DiscoverMotifsOptions = {},
): Promise<MotifDiscoveryResult> {
  const {
    shuffles = 10,
    task = 0,
    window = 10,
    flank = 3,
    maxShift = 4,
    alpha = 1e-3,
    seqletsPerSequence = 3,
    maxSeqlets = 20_000,
    similarity = 0.5,
    mergeSimilarity = 0.8,
    maxClusters = 40,
    trim = 0.3,
    matches = 3,
    seed = 1,
  } = options;
  checkInt('window', window, 2);
  checkInt('flank', flank, 0);
  checkInt('maxShift', maxShift, 0);
  checkInt('seqletsPerSequence', seqletsPerSequence, 1);
  checkInt('maxSeqlets', maxSeqlets, 10);
  if (!(alpha > 0 && alpha < 1))
    throw new InterpretInputError(`${WHAT}: alpha ${alpha} is not in (0, 1)`);
  const margin = flank + maxShift;
  const width = window + 2 * flank;
  const rng = createRng(seed);
  const reservoir: Seqlet[] = [];
  let called = 0;
  let seen = 0;
  let length = -1;
  let threshold = Number.NaN;
  for await (const batch of batches) {
    if (options.aborted?.()) throw new InterpretInputError(`${WHAT}: aborted`);
    if (batch.length === 0) continue;
    const lifted = deepLiftShap(model, batch, { shuffles, task, seed: seed + seen });
    length = lifted.length;
    const size = length * 4;
    const sums = batch.map((_, s) =>
      windowSums(
        positionScores(lifted.contributions.subarray(s * size, (s + 1) * size), length),
        window,
      ),
    );
    if (Number.isNaN(threshold)) {
      const all = new Float64Array(sums.reduce((n, w) => n + w.length, 0));
      let at = 0;
      for (const w of sums) {
        all.set(w, at);
        at += w.length;
      }
      threshold = laplaceThreshold(all, alpha);
    }
    sums.forEach((w, s) => {
      for (const call of callSeqlets(w, length, window, margin, threshold, seqletsPerSequence)) {
        const from = call.start - margin;
        const to = call.start + window + margin;
        const seq = batch[s] as string;
        const seqlet: Seqlet = {
          sequence: seen + s,
          start: call.start,
          score: call.score,
          hypothetical: lifted.hypothetical.slice(s * size + from * 4, s * size + to * 4),
          // 4 marks a base that is not A, C, G or T (N): left out of the counts.
          bases: Uint8Array.from({ length: to - from }, (_, i) => {
            const b = 'ACGT'.indexOf((seq[from + i] as string).toUpperCase());
            return b < 0 ? 4 : b;
          }),
        };
        // Algorithm R: the k-th seqlet replaces a random one with probability maxSeqlets / k.
        if (reservoir.length < maxSeqlets) reservoir.push(seqlet);
        else {
          const j = rng.int(called + 1);
          if (j < maxSeqlets) reservoir[j] = seqlet;
        }
        called++;
      }
    });
    seen += batch.length;
    options.onProgress?.(seen, called);
  }
  if (seen === 0) throw new InterpretInputError(`${WHAT}: no sequences`);
  const motifs: DiscoveredMotif[] = [];
  for (const sign of ['positive', 'negative'] as const) {
    const group = reservoir.filter((s) => (sign === 'positive' ? s.score > 0 : s.score < 0));
    const minSupport = options.minSupport ?? Math.max(10, Math.ceil(group.length / 100));
    const clusters = clusterSeqlets(group, {
      width,
      maxShift,
      similarity,
      mergeSimilarity,
      minSupport,
      maxClusters,
      rounds: 5,
    });
    clusters.forEach((cluster, k) => {
      const motif = motifOf(group, cluster, width, trim);
      if (!motif) return;
      const name = `${sign === 'positive' ? 'pos' : 'neg'}_${k + 1}`;
      const pfm: Pfm = { id: name, name, counts: motif.counts };
      motifs.push({
        name,
        sign,
        seqlets: cluster.members.length,
        consensus: consensus(pfm),
        informationContent: informationContent(pfm),
        pwm: motif.counts.map((row) => {
          const total = row.reduce((a, b) => a + b, 0);
          return row.map((c) => (total > 0 ? c / total : 0.25));
        }),
        cwm: motif.cwm,
        pfm,
        matches: options.database
          ? compareMotifs(pfm, options.database)
              .slice(0, matches)
              .map((m) => ({
                id: m.id,
                name: m.name,
                p: m.pvalue,
                score: m.score,
                strand: m.strand,
              }))
          : [],
      });
    });
  }
  motifs.sort((a, b) => b.seqlets - a.seqlets || a.name.localeCompare(b.name));
  return {
    sequences: seen,
    length,
    seqletsCalled: called,
    seqletsClustered: reservoir.length,
    threshold,
    motifs,
  };
}

/** The aligned counts and mean contributions of a cluster, trimmed to its important core. */
function motifOf(
  seqlets: Seqlet[],
  cluster: SeqletCluster,
  width: number,
  trim: number,
): { counts: number[][]; cwm: number[][] } | null {
  const counts = Array.from({ length: width }, () => [0, 0, 0, 0]);
  const cwm = Array.from({ length: width }, () => [0, 0, 0, 0]);
  cluster.members.forEach((m, i) => {
    const s = seqlets[m] as Seqlet;
    const at = cluster.alignments[i] as Alignment;
    for (let p = 0; p < width; p++) {
      const src = at.reverse ? at.offset + width - 1 - p : at.offset + p;
      const raw = s.bases[src] as number;
      if (raw > 3) continue;
      const base = at.reverse ? 3 - raw : raw;
      const countRow = counts[p] as number[];
      const cwmRow = cwm[p] as number[];
      countRow[base] = (countRow[base] as number) + 1;
      cwmRow[base] =
        (cwmRow[base] as number) +
        (s.hypothetical[src * 4 + raw] as number) / cluster.members.length;
    }
  });
  const importance = cwm.map((row) => row.reduce((a, v) => a + Math.abs(v), 0));
  const top = Math.max(...importance);
  if (!(top > 0)) return null;
  const first = importance.findIndex((v) => v >= trim * top);
  const last = importance.findLastIndex((v) => v >= trim * top);
  return { counts: counts.slice(first, last + 1), cwm: cwm.slice(first, last + 1) };
}
