import { arr, bool, isRecord, num, rec, str } from './json-value.ts';
import type { JsonRecord } from './json-value.ts';

/** A variant the pre-flight names as an example of a problem. */
export interface PreflightExample {
  line: number | null;
  chrom: string;
  pos: number | null;
  ref: string;
  alt: string;
  detail: string;
}

/** What the pre-flight found in the variants before scoring. */
export interface PreflightView {
  records: number | null;
  /** ALT alleles by kind: snv, mnv, insertion, deletion, complex. */
  kinds: Record<string, number>;
  refMismatches: { count: number; first: PreflightExample[] };
  duplicates: { count: number; first: PreflightExample[] };
  missingChromosomes: { names: string[]; records: number };
  skipped: { count: number; kinds: Record<string, number> };
}

/** A SCORE_VARIANTS result; a failed job's result may hold the pre-flight alone. */
export interface ScoreResultView {
  variants: number | null;
  scored: number | null;
  rows: number | null;
  notScored: { refMismatch: number; unknownChromosome: number; skipped: number } | null;
  tasks: string[];
  backend: string | null;
  reverseComplement: boolean | null;
  forced: boolean | null;
  resumedFrom: number | null;
  preflight: PreflightView | null;
  window: {
    length: number;
    refBaseIndex: number | null;
    convention: string | null;
    /** How indels sit in the windows (`left`: left-anchored); null in results from before. */
    anchor: string | null;
    /** Shift averaging's N; null in results from before it (centred only). */
    shifts: number | null;
  } | null;
  files: string[];
  /** The background the quantiles were taken against; null when none (or an older result). */
  background: { kind: string; alleles: number; datasetId: string | null } | null;
  /** Variants with a per-base ISM in the job's ism.json (scoreVariants(ismTop)); 0 without. */
  attributed: number;
}

const counts = (value: unknown): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec(value))) {
    const n = num(v);
    if (n !== null) out[k] = n;
  }
  return out;
};

const examples = (value: unknown): PreflightExample[] =>
  arr(value)
    .filter(isRecord)
    .map((e) => ({
      line: num(e.line),
      chrom: str(e.chrom) ?? '?',
      pos: num(e.pos),
      ref: str(e.ref) ?? '',
      alt: str(e.alt) ?? '',
      detail: str(e.detail) ?? '',
    }));

const listing = (value: unknown) => {
  const r = rec(value);
  return { count: num(r.count) ?? 0, first: examples(r.first) };
};

function parsePreflight(value: JsonRecord): PreflightView {
  const missing = rec(value.missingChromosomes);
  const skipped = rec(value.skipped);
  return {
    records: num(value.records),
    kinds: counts(value.kinds),
    refMismatches: listing(value.refMismatches),
    duplicates: listing(value.duplicates),
    missingChromosomes: {
      names: arr(missing.names).filter((n): n is string => typeof n === 'string'),
      records: num(missing.records) ?? 0,
    },
    skipped: { count: num(skipped.count) ?? 0, kinds: counts(skipped.kinds) },
  };
}

/** A SCORE_VARIANTS result; null when it has neither counts nor a pre-flight. */
export function parseScoreResult(value: unknown): ScoreResultView | null {
  if (!isRecord(value)) return null;
  const preflight = isRecord(value.preflight) ? parsePreflight(value.preflight) : null;
  if (preflight === null && num(value.variants) === null) return null;
  const notScored = isRecord(value.notScored) ? value.notScored : null;
  const window = isRecord(value.window) ? value.window : null;
  const windowLength = window ? num(window.length) : null;
  const background = isRecord(value.background) ? value.background : null;
  const backgroundAlleles = background ? num(background.alleles) : null;
  return {
    variants: num(value.variants),
    scored: num(value.scored),
    rows: num(value.rows),
    notScored: notScored && {
      refMismatch: num(notScored.refMismatch) ?? 0,
      unknownChromosome: num(notScored.unknownChromosome) ?? 0,
      skipped: num(notScored.skipped) ?? 0,
    },
    tasks: arr(value.tasks).filter((t): t is string => typeof t === 'string'),
    backend: str(value.backend),
    reverseComplement: bool(value.reverseComplement),
    forced: bool(value.forced),
    resumedFrom: num(value.resumedFrom),
    preflight,
    window:
      window && windowLength !== null
        ? {
            length: windowLength,
            refBaseIndex: num(window.refBaseIndex),
            convention: str(window.convention),
            anchor: str(window.anchor),
            shifts: num(window.shifts),
          }
        : null,
    files: arr(value.files).filter((f): f is string => typeof f === 'string'),
    attributed: num(rec(value.attributions).variants) ?? 0,
    background:
      background && backgroundAlleles !== null
        ? {
            kind: str(background.kind) ?? '?',
            alleles: backgroundAlleles,
            datasetId: str(background.datasetId),
          }
        : null,
  };
}

/** ALT alleles that change length: insertions and deletions (the pre-flight's kinds). */
export const indelCount = (p: PreflightView): number =>
  (p.kinds.insertion ?? 0) + (p.kinds.deletion ?? 0);
