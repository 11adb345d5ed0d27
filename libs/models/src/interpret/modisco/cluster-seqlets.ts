/**
 * Seqlet clustering for motif discovery, a light TF-MoDISco (Shrikumar et al. 2018): seqlets are
 * compared by their hypothetical contributions (each position's four values centred, the whole
 * window unit-normalised), at the best of every shift within ±`maxShift` and both strands, by
 * cosine similarity. Instead of MoDISco's affinity graph and Leiden (quadratic in seqlets), a
 * leader pass (strongest seqlets first; a seqlet joins the most similar leader above
 * `similarity`, else leads a new cluster) is refined by k-means-like rounds in which centroids
 * are the mean aligned windows and every seqlet is re-aligned and re-assigned. Clusters below
 * `minSupport` are dropped and clusters whose centroids match at some shift and strand merge.
 * Cost: seqlets × clusters × (2·maxShift + 1) × 2 × window — linear in seqlets.
 */

/** One seqlet: its stored region is the core ± (flank + maxShift). */
export interface Seqlet {
  /** 0-based index of its sequence in the stream. */
  sequence: number;
  /** Core start in the sequence. */
  start: number;
  score: number;
  /** Hypothetical contributions [region, 4] and base indices (0–3; 4 for N) of the region. */
  hypothetical: Float32Array;
  bases: Uint8Array;
}

export interface ClusterOptions {
  /** Seqlet width compared: core + 2 × flank. */
  width: number;
  maxShift: number;
  similarity: number;
  mergeSimilarity: number;
  minSupport: number;
  maxClusters: number;
  rounds: number;
}

/** A member's alignment to its cluster: region offset (0 … 2·maxShift) and strand. */
export interface Alignment {
  offset: number;
  reverse: boolean;
}

export interface SeqletCluster {
  members: number[];
  alignments: Alignment[];
}

/** The centred, unit-normalised view of a seqlet's region at an offset, maybe reverse-complemented. */
function view(seqlet: Seqlet, width: number, at: Alignment, out: Float64Array): void {
  const h = seqlet.hypothetical;
  let norm = 0;
  for (let p = 0; p < width; p++) {
    // On the reverse strand position p reads region position (offset + width − 1 − p), complemented.
    const src = at.reverse ? at.offset + width - 1 - p : at.offset + p;
    let mean = 0;
    for (let b = 0; b < 4; b++) mean += h[src * 4 + (at.reverse ? 3 - b : b)] as number;
    mean /= 4;
    for (let b = 0; b < 4; b++) {
      const v = (h[src * 4 + (at.reverse ? 3 - b : b)] as number) - mean;
      out[p * 4 + b] = v;
      norm += v * v;
    }
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < width * 4; i++) out[i] = (out[i] as number) * scale;
}

function alignments(maxShift: number): Alignment[] {
  const out: Alignment[] = [];
  for (const reverse of [false, true]) {
    for (let offset = 0; offset <= 2 * maxShift; offset++) out.push({ offset, reverse });
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Best (centroid, alignment, similarity) of a seqlet among centroids. */
function bestMatch(
  seqlet: Seqlet,
  centroids: Float64Array[],
  o: ClusterOptions,
  views: Float64Array[],
  candidates: Alignment[],
): { cluster: number; at: Alignment; similarity: number } {
  candidates.forEach((at, k) => view(seqlet, o.width, at, views[k] as Float64Array));
  let best = { cluster: -1, at: candidates[o.maxShift] as Alignment, similarity: -Infinity };
  centroids.forEach((c, cluster) => {
    views.forEach((v, k) => {
      const similarity = dot(v, c);
      if (similarity > best.similarity)
        best = { cluster, at: candidates[k] as Alignment, similarity };
    });
  });
  return best;
}

function centroidOf(seqlets: Seqlet[], cluster: SeqletCluster, width: number): Float64Array {
  const sum = new Float64Array(width * 4);
  const v = new Float64Array(width * 4);
  cluster.members.forEach((m, i) => {
    view(seqlets[m] as Seqlet, width, cluster.alignments[i] as Alignment, v);
    for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (v[k] as number);
  });
  const norm = Math.sqrt(dot(sum, sum));
  return sum.map((x) => (norm > 0 ? x / norm : 0));
}

/** Clusters seqlets (see the file comment); clusters come largest first. */
export function clusterSeqlets(seqlets: Seqlet[], o: ClusterOptions): SeqletCluster[] {
  const candidates = alignments(o.maxShift);
  const views = candidates.map(() => new Float64Array(o.width * 4));
  const centre: Alignment = { offset: o.maxShift, reverse: false };
  const order = seqlets
    .map((_, i) => i)
    .sort((a, b) => {
      const d = Math.abs((seqlets[b] as Seqlet).score) - Math.abs((seqlets[a] as Seqlet).score);
      return d || a - b;
    });
  // Leader pass.
  let centroids: Float64Array[] = [];
  for (const i of order) {
    const seqlet = seqlets[i] as Seqlet;
    const best = bestMatch(seqlet, centroids, o, views, candidates);
    if (best.similarity < o.similarity && centroids.length < o.maxClusters) {
      const c = new Float64Array(o.width * 4);
      view(seqlet, o.width, centre, c);
      centroids.push(c);
    }
  }
  let clusters: SeqletCluster[] = [];
  for (let round = 0; round < o.rounds; round++) {
    clusters = centroids.map(() => ({ members: [], alignments: [] }));
    for (const i of order) {
      const best = bestMatch(seqlets[i] as Seqlet, centroids, o, views, candidates);
      if (best.cluster < 0 || best.similarity < o.similarity) continue;
      const cluster = clusters[best.cluster] as SeqletCluster;
      cluster.members.push(i);
      cluster.alignments.push(best.at);
    }
    const kept = clusters
      .map((cluster) => ({ cluster, centroid: centroidOf(seqlets, cluster, o.width) }))
      .filter(({ cluster }) => cluster.members.length >= o.minSupport)
      .sort((a, b) => b.cluster.members.length - a.cluster.members.length);
    // Merge: a centroid that matches a larger cluster's at some alignment (shifts up to half
    // the width: two clusters of one motif may have settled at different offsets) is dropped;
    // its members go to the most similar remaining cluster in the next round.
    const merged: Float64Array[] = [];
    const wide = { ...o, maxShift: Math.floor(o.width / 2) };
    const wideCandidates = alignments(wide.maxShift);
    const probe = wideCandidates.map(() => new Float64Array(o.width * 4));
    for (const { centroid } of kept) {
      const asSeqlet: Seqlet = {
        sequence: -1,
        start: 0,
        score: 0,
        hypothetical: Float32Array.from(padded(centroid, o.width, wide.maxShift)),
        bases: new Uint8Array(0),
      };
      const best = bestMatch(asSeqlet, merged, wide, probe, wideCandidates);
      if (best.similarity < o.mergeSimilarity) merged.push(centroid);
    }
    const changed = merged.length !== centroids.length;
    centroids = merged;
    if (!changed && round > 0) break;
  }
  clusters = centroids.map(() => ({ members: [], alignments: [] }));
  for (const i of order) {
    const best = bestMatch(seqlets[i] as Seqlet, centroids, o, views, candidates);
    if (best.cluster < 0 || best.similarity < o.similarity) continue;
    (clusters[best.cluster] as SeqletCluster).members.push(i);
    (clusters[best.cluster] as SeqletCluster).alignments.push(best.at);
  }
  return clusters
    .filter((c) => c.members.length >= o.minSupport)
    .sort((a, b) => b.members.length - a.members.length);
}

/** A centroid [width, 4] as a seqlet region (zeros for the shift margins each side). */
function padded(centroid: Float64Array, width: number, maxShift: number): Float64Array {
  const out = new Float64Array((width + 2 * maxShift) * 4);
  out.set(centroid, maxShift * 4);
  return out;
}
