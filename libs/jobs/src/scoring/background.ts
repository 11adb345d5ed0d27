/**
 * Calibration of variant effects against a background: a set of background variants is scored
 * by the same model, windows, strands and shifts as the VCF, and each scored allele gets
 *
 *   quantile = (#background |alt − ref| < its |alt − ref| + ½ · #equal) / #background
 *
 * per model task (the mid-rank: ties count half, so an allele whose effect is exactly 0 where
 * most background effects are 0 too sits near 0.5, not near 1). The sign of the effect is not
 * used: 0.99 means "a larger effect, either way, than 99% of the background".
 *
 * Backgrounds:
 *   random — `size` random single-base substitutions at random positions of the reference
 *            (uniform over its bases, A/C/G/T only, each to one of the three other bases;
 *            seeded, so a run and its resumption draw the same). The quantile then reads "how
 *            unusual is this effect among point mutations of this genome under this model".
 *   file   — a VCF of common variants (e.g. gnomAD AF > 5%), `size` records drawn uniformly
 *            from it (reservoir sampling, seeded) and scored like the input.
 * The scored background is kept in `background.json` of the output folder (sorted |effects|
 * per task), so a resumed run does not score it again.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng, openVcf, ReferenceReader, sha256OfFiles } from '@strand/genomics';
import type { FastaIndex, VcfRecord } from '@strand/genomics';
import { writeAtomically } from './atomic-write.ts';
import { ScoringError } from './scoring.error.ts';

/** Bounds of the background size (background variants scored). */
export const BACKGROUND_SIZE = Object.freeze({ min: 100, max: 100_000, default: 10_000 });

/** The seed of the background draw (fixed: a background is reproducible). */
export const BACKGROUND_SEED = 17;

/** Which background: random substitutions of the reference, or a VCF of common variants. */
export type BackgroundSource = { kind: 'random' } | { kind: 'file'; path: string };

/** Parses `random` or a file path (CLI `--background`). */
export function parseBackground(value: string): BackgroundSource {
  return value === 'random' ? { kind: 'random' } : { kind: 'file', path: value };
}

/** What identifies a background (part of the resume fingerprint). */
export async function backgroundFingerprint(
  source: BackgroundSource,
  size: number,
): Promise<string> {
  if (source.kind === 'random') return `random:${size}:${BACKGROUND_SEED}`;
  const file = await stat(source.path).catch(() => null);
  if (!file?.isFile()) {
    throw new ScoringError('INVALID_OPTIONS', `background: no VCF "${source.path}"`);
  }
  // By content, as the scoring fingerprint names its inputs (scoring-progress.ts).
  return `file:${await sha256OfFiles([source.path])}:${size}:${BACKGROUND_SEED}`;
}

/** Checks a background size; INVALID_OPTIONS naming the bounds. */
export function checkBackgroundSize(size: number): void {
  if (!Number.isInteger(size) || size < BACKGROUND_SIZE.min || size > BACKGROUND_SIZE.max) {
    throw new ScoringError(
      'INVALID_OPTIONS',
      `background size must be an integer from ${BACKGROUND_SIZE.min} to ${BACKGROUND_SIZE.max}, got ${size}`,
    );
  }
}

const OTHER: Record<string, string> = { A: 'CGT', C: 'AGT', G: 'ACT', T: 'ACG' };

/**
 * `size` random SNVs of the reference (see file), as VCF records in genome order. Positions are
 * uniform over all bases of all sequences; a drawn N (or other non-ACGT) is drawn again, and a
 * reference with too few A/C/G/T bases is refused. Drawn first and sorted, then read: the
 * reference is read block by block (ReferenceReader keeps one 64 kb block), not once per SNV.
 */
export async function randomSnvs(fasta: FastaIndex, size: number): Promise<VcfRecord[]> {
  const rng = createRng(BACKGROUND_SEED);
  const names = fasta.sequenceNames;
  const ends: number[] = [];
  let total = 0;
  for (const name of names) ends.push((total += fasta.length(name) ?? 0));
  if (total === 0) throw new ScoringError('INVALID_OPTIONS', 'background: the reference is empty');
  const reader = new ReferenceReader(fasta);
  const records: VcfRecord[] = [];
  for (let round = 0; records.length < size; round++) {
    if (round === 50) {
      throw new ScoringError(
        'INVALID_OPTIONS',
        'background: the reference has too few A/C/G/T bases to draw random substitutions from',
      );
    }
    const draws = Array.from({ length: size - records.length }, () =>
      Math.floor(rng.next() * total),
    ).sort((a, b) => a - b);
    let s = 0;
    for (const at of draws) {
      while (ends[s] <= at) s++;
      const chrom = names[s];
      const pos0 = at - (s === 0 ? 0 : ends[s - 1]);
      const base = (await reader.bases(chrom, pos0, pos0 + 1)).toUpperCase();
      const others = OTHER[base];
      if (!others) continue;
      records.push({
        line: 0,
        chrom,
        pos: pos0 + 1,
        id: [],
        ref: base,
        alts: [others[rng.int(3)]],
        qual: null,
        filter: [],
        info: {},
      });
    }
  }
  // Redrawn rounds come after the first: put the whole draw in genome order.
  const order = new Map(names.map((name, i) => [name, i]));
  return records.sort(
    (a, b) => (order.get(a.chrom) ?? 0) - (order.get(b.chrom) ?? 0) || a.pos - b.pos,
  );
}

/** `size` records of a VCF drawn uniformly (reservoir sampling, seeded), in file order. */
export async function sampleVcf(path: string, size: number): Promise<VcfRecord[]> {
  const rng = createRng(BACKGROUND_SEED);
  const kept: { n: number; record: VcfRecord }[] = [];
  let n = 0;
  for await (const record of await openVcf(path, { info: false })) {
    if (kept.length < size) kept.push({ n, record });
    else {
      const j = rng.int(n + 1);
      if (j < size) kept[j] = { n, record };
    }
    n++;
  }
  if (kept.length === 0)
    throw new ScoringError('INVALID_OPTIONS', `background: ${path} has no records`);
  return kept.sort((a, b) => a.n - b.n).map((k) => k.record);
}

/** A scored background: per task, the sorted |alt − ref| of its alleles. */
export interface Background {
  fingerprint: string;
  tasks: string[];
  /** Background alleles scored (the same for every task). */
  alleles: number;
  sorted: Float64Array[];
}

/** The mid-rank quantile of `value`'s magnitude in `sorted` (ascending |effects|; see file). */
export function quantileOf(sorted: Float64Array, value: number): number {
  const x = Math.abs(value);
  if (sorted.length === 0 || !Number.isFinite(x)) return Number.NaN;
  const bound = (strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = bound(true);
  const equal = bound(false) - below;
  return (below + equal / 2) / sorted.length;
}

/** Builds a Background from the |effects| row-major [alleles, tasks]. */
export function backgroundOf(
  fingerprint: string,
  tasks: string[],
  absEffects: Float64Array,
): Background {
  const alleles = absEffects.length / tasks.length;
  const sorted = tasks.map((_, t) => {
    const column = new Float64Array(alleles);
    for (let i = 0; i < alleles; i++) column[i] = absEffects[i * tasks.length + t];
    return column.sort();
  });
  return { fingerprint, tasks, alleles, sorted };
}

const FILE = 'background.json';

/** The background saved in `outDir` when it has `fingerprint`, else undefined. */
export async function loadBackground(
  outDir: string,
  fingerprint: string,
): Promise<Background | undefined> {
  try {
    const saved = JSON.parse(await readFile(join(outDir, FILE), 'utf8')) as {
      fingerprint: string;
      tasks: string[];
      alleles: number;
      sorted: number[][];
    };
    if (saved.fingerprint !== fingerprint) return undefined;
    return { ...saved, sorted: saved.sorted.map((s) => Float64Array.from(s)) };
  } catch {
    return undefined;
  }
}

/** Saves a scored background in `outDir` (atomically). */
export function saveBackground(outDir: string, background: Background): Promise<void> {
  const json = { ...background, sorted: background.sorted.map((s) => Array.from(s)) };
  return writeAtomically(join(outDir, FILE), `${JSON.stringify(json)}\n`);
}
