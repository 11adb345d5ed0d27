/**
 * The motif-scan baseline (issue 12: "a JASPAR scan gets 0.93"): when the user names a JASPAR
 * motif, each sequence's score is the best log-odds match of the motif's PWM anywhere on either
 * strand, and the AUROC of that score is what a model must beat on the same folds. Nothing is
 * fitted, so a fold's score depends on its test rows alone.
 */
import { auprc, auroc } from '@strand/models';
import type { Pfm } from '@strand/genomics';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/** Share of each PWM position taken from the uniform background (a pseudocount for zero counts). */
const BACKGROUND_MIX = 0.01;

/** What a motif-scan baseline is, for results. */
export interface PwmBaselineDescription {
  method: 'pwm-scan';
  motif: { id: string; name: string; width: number };
  /** `max-log-odds`: the best window's Σ log2(p / 0.25) over both strands. */
  score: 'max-log-odds';
}

/** Log2-odds of the PWM against a uniform background, width × 4 (A, C, G, T). */
export function logOddsMatrix(pfm: Pfm): number[][] {
  return pfm.counts.map((row, position) => {
    const total = row.reduce((a, b) => a + b, 0);
    if (!(total > 0) || row.some((c) => !(c >= 0))) {
      throw new LearningError(
        'INVALID_OPTIONS',
        `motif ${pfm.id}: position ${position + 1} has no counts or a negative one`,
        'baselineMotif',
      );
    }
    return row.map((c) => Math.log2(((1 - BACKGROUND_MIX) * c) / total / 0.25 + BACKGROUND_MIX));
  });
}

/**
 * The best log-odds of `pfm` over every window of each sequence, forward and reverse complement
 * (an N, all-zero in one-hot, adds nothing). Throws when sequences are shorter than the motif.
 */
export function motifScores(data: LabelledData, pfm: Pfm): Float64Array {
  if (data.kind !== 'sequence' || data.alphabetSize !== 4) {
    throw new LearningError(
      'INVALID_OPTIONS',
      'a motif-scan baseline needs DNA sequences; this data holds features',
      'baselineMotif',
    );
  }
  const m = logOddsMatrix(pfm);
  const w = m.length;
  const L = data.length;
  if (w > L) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `motif ${pfm.id} (${pfm.name}) is ${w} bp wide; the sequences are ${L} bp`,
      'baselineMotif',
    );
  }
  // The reverse complement's matrix: position w−1−i, base 3−b (A↔T, C↔G).
  const rc = m.map((_, i) => (m[w - 1 - i] as number[]).map((_, b) => m[w - 1 - i]![3 - b]!));
  const scores = new Float64Array(data.count);
  for (let r = 0; r < data.count; r++) {
    const at = r * L * 4;
    let best = -Infinity;
    for (let start = 0; start + w <= L; start++) {
      let forward = 0;
      let reverse = 0;
      for (let i = 0; i < w; i++) {
        const base = at + (start + i) * 4;
        for (let b = 0; b < 4; b++) {
          const v = data.x[base + b] as number;
          if (v === 0) continue;
          forward += v * (m[i] as number[])[b]!;
          reverse += v * (rc[i] as number[])[b]!;
        }
      }
      best = Math.max(best, forward, reverse);
    }
    scores[r] = best;
  }
  return scores;
}

/** Whether the motif scan applies: two classes of DNA sequences (the second is positive). */
export function pwmBaselineApplies(data: LabelledData): boolean {
  return (
    data.kind === 'sequence' &&
    !data.tasks &&
    !data.profile &&
    !data.extraFeatures &&
    data.labelNames.length === 2
  );
}

/** test_auroc and test_auprc of the motif's scores on `test` (the second class positive). */
export function pwmBaselineMetrics(test: LabelledData, pfm: Pfm): Record<string, number> {
  const scores = motifScores(test, pfm);
  return { test_auroc: auroc(test.labels, scores), test_auprc: auprc(test.labels, scores) };
}

/** The description of the scan of `pfm`. */
export function describePwmBaseline(pfm: Pfm): PwmBaselineDescription {
  return {
    method: 'pwm-scan',
    motif: { id: pfm.id, name: pfm.name, width: pfm.counts.length },
    score: 'max-log-odds',
  };
}

/**
 * The motif `id` of `motifs`: a JASPAR matrix ID with version (MA0139.2), without it (the
 * highest version), or a factor name when exactly one matrix has it. Throws naming what exists.
 */
export function findBaselineMotif(motifs: readonly Pfm[], id: string, source: string): Pfm {
  const exact = motifs.find((m) => m.id === id);
  if (exact) return exact;
  const versions = motifs
    .filter((m) => m.id.split('.')[0] === id)
    .sort((a, b) => Number(b.id.split('.')[1] ?? 0) - Number(a.id.split('.')[1] ?? 0));
  if (versions[0]) return versions[0];
  const named = motifs.filter((m) => m.name.toLowerCase() === id.toLowerCase());
  if (named.length === 1) return named[0] as Pfm;
  const some = motifs
    .slice(0, 5)
    .map((m) => `${m.id} ${m.name}`)
    .join(', ');
  throw new LearningError(
    'INVALID_OPTIONS',
    named.length > 1
      ? `${source}: ${named.length} matrices are named "${id}" (${named.map((m) => m.id).join(', ')}); give the matrix ID`
      : `${source} has no motif "${id}" (${motifs.length} motifs, e.g. ${some})`,
    'baselineMotif',
  );
}
