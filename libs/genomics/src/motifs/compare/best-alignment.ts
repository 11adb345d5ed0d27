/** The best ungapped alignment found by `bestAlignment`. */
export interface Alignment {
  score: number;
  /** Target position of the query's first column (negative: the query starts before it). */
  offset: number;
  /** Number of aligned columns. */
  overlap: number;
}

/**
 * The best ungapped alignment of a query (qw columns) against a target (tw columns), given the
 * column similarities `sim` [qw, tw] row-major: score = Σ sim over aligned columns, over every
 * offset where at least `minOverlap` columns overlap (TOMTOM's additive column score, Gupta et
 * al. 2007). `order` optionally permutes the target's columns (column j of the permuted target
 * is column order[j] of `sim`), which is how shuffled nulls reuse one similarity matrix.
 * Ties keep the first offset found.
 */
export function bestAlignment(
  sim: Float64Array,
  qw: number,
  tw: number,
  minOverlap: number,
  order?: ArrayLike<number>,
): Alignment {
  let best: Alignment = { score: -Infinity, offset: 0, overlap: 0 };
  for (let offset = minOverlap - qw; offset <= tw - minOverlap; offset++) {
    const first = Math.max(0, -offset);
    const last = Math.min(qw, tw - offset);
    let score = 0;
    for (let i = first; i < last; i++) {
      const j = i + offset;
      score += sim[i * tw + (order === undefined ? j : order[j])];
    }
    if (score > best.score) best = { score, offset, overlap: last - first };
  }
  return best;
}
