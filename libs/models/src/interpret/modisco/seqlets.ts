/**
 * Seqlet calling, after TF-MoDISco-lite (Shrikumar et al., arXiv:1811.00416; jmschrei/tfmodisco-lite
 * `extract_seqlets`): a position's score is the sum of its contributions; windows of `window`
 * positions are summed; the largest |window sum| of a sequence becomes a seqlet when it passes
 * the threshold, windows overlapping it are suppressed, and so on. The threshold comes from a
 * Laplace null fitted to the window sums (tfmodisco-lite fits a Laplace to them as well): its
 * scale is median(|w|) / ln 2, robust to the minority of windows over motifs, and a window
 * passes when a Laplace(0, b) tail would be as large with probability < `alpha`.
 */

/** Where a seqlet lies in its sequence: the core window starts at `start`. */
export interface SeqletCall {
  start: number;
  /** The window's summed contribution (negative: the bases lower the output). */
  score: number;
}

/** Per-position contribution sums of one sequence's [length, 4] contributions. */
export function positionScores(contributions: Float32Array, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let p = 0; p < length; p++) {
    let v = 0;
    for (let b = 0; b < 4; b++) v += contributions[p * 4 + b] as number;
    out[p] = v;
  }
  return out;
}

/** Sums of every `window` consecutive scores (length − window + 1 of them). */
export function windowSums(scores: Float64Array, window: number): Float64Array {
  const n = scores.length - window + 1;
  const out = new Float64Array(Math.max(0, n));
  let sum = 0;
  for (let p = 0; p < scores.length; p++) {
    sum += scores[p] as number;
    if (p >= window) sum -= scores[p - window] as number;
    if (p >= window - 1) out[p - window + 1] = sum;
  }
  return out;
}

/** The threshold |w| above which a window is a seqlet, from window sums of several sequences. */
export function laplaceThreshold(sums: Float64Array, alpha: number): number {
  const abs = Float64Array.from(sums, Math.abs).sort();
  const median = abs.length === 0 ? 0 : (abs[Math.floor(abs.length / 2)] as number);
  const scale = median / Math.LN2;
  return scale * Math.log(1 / alpha);
}

/**
 * The seqlets of one sequence: cores of `window` positions whose flanks (`margin` each side)
 * fit in the sequence, strongest first, non-overlapping, at most `max`.
 */
export function callSeqlets(
  sums: Float64Array,
  length: number,
  window: number,
  margin: number,
  threshold: number,
  max: number,
): SeqletCall[] {
  const calls: SeqletCall[] = [];
  const free = new Uint8Array(sums.length).fill(1);
  // Cores whose flanks run off the sequence are not candidates (as tfmodisco-lite drops them).
  for (let s = 0; s < sums.length; s++) if (s < margin || s + window + margin > length) free[s] = 0;
  while (calls.length < max) {
    let best = -1;
    for (let s = 0; s < sums.length; s++) {
      if (free[s] && (best < 0 || Math.abs(sums[s] as number) > Math.abs(sums[best] as number))) {
        best = s;
      }
    }
    if (best < 0 || !(Math.abs(sums[best] as number) > threshold)) break;
    calls.push({ start: best, score: sums[best] as number });
    for (let s = Math.max(0, best - window + 1); s < Math.min(sums.length, best + window); s++) {
      free[s] = 0;
    }
  }
  return calls;
}
