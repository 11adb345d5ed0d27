/**
 * Live interpretation's probes: a few sequences a training run attributes after every epoch
 * (gradient × input, see @strand/models probeAttributions), so a user sees what the model
 * learns while it learns. Read here with field-located errors; the attributions are rounded to
 * what a logo shows before they are stored (N × length × 4 numbers per epoch).
 */
import type { ProbeAttribution } from '@strand/models';
import type { UserError } from '../errors/user-error.ts';
import { userError } from '../errors/user-error.ts';
import { encodes } from './input-encoding.ts';
import type { InputEncoding } from './input-encoding.ts';
import type { DataShape } from './labelled-data.ts';

/** At most this many probes per run. */
export const MAX_PROBES = 8;

/** One probe's attribution at one epoch, as stored and served. */
export interface StoredProbeAttribution {
  /** 0-based, in the order the run was given its probes. */
  probe: number;
  /** The attributed output at the epoch's weights. */
  output: number;
  /** [length × 4] row-major (A, C, G, T), 4 significant digits. */
  scores: number[];
}

const DNA = /^[ACGTN]+$/;

/**
 * Checks probes against the dataset (`shape`, named `name` in messages) and the run's input
 * encoding: one-hot DNA of the dataset's length, at most MAX_PROBES. Returns them uppercased
 * (empty or missing: none) and every error, located at `probes[i]`.
 */
export function readProbes(
  probes: readonly string[] | null | undefined,
  data?: { shape: DataShape; name: string; encoding?: Partial<InputEncoding> },
): { value: string[]; errors: UserError[] } {
  const value = (probes ?? []).map((p) => p.trim().toUpperCase());
  const errors: UserError[] = [];
  if (value.length > MAX_PROBES) {
    errors.push(
      userError('probes', 'OUT_OF_RANGE', `at most ${MAX_PROBES} probes; got ${value.length}`),
    );
  }
  value.forEach((p, i) => {
    if (!DNA.test(p)) {
      const bad = [...p].find((c) => !'ACGTN'.includes(c));
      const what = bad === undefined ? 'is empty' : `has "${bad}" at ${p.indexOf(bad) + 1}`;
      errors.push(
        userError(`probes[${i}]`, 'INVALID_VALUE', `probe ${i + 1} ${what}: A, C, G, T, N only`),
      );
    }
  });
  if (!data || value.length === 0) return { value, errors };
  const { shape, name, encoding } = data;
  if (shape.kind !== 'sequence' || shape.alphabetSize !== 4 || shape.extraFeatures?.length) {
    const message = `probes are DNA sequences a model reads alone; dataset "${name}" holds ${shape.kind === 'features' ? 'features' : 'more than one-hot DNA'}`;
    errors.push(userError('probes', 'INVALID_VALUE', message));
    return { value, errors };
  }
  if (encoding && encodes(encoding)) {
    const message = 'probes are attributed on one-hot DNA: leave kmer, normalize and impute unset';
    errors.push(userError('probes', 'INVALID_VALUE', message));
  }
  value.forEach((p, i) => {
    if (p.length !== shape.length) {
      const message = `probe ${i + 1} has length ${p.length}; dataset "${name}" has sequences of ${shape.length}`;
      errors.push(userError(`probes[${i}]`, 'INVALID_LENGTH', message));
    }
  });
  return { value, errors };
}

/** An epoch's attributions as stored: rounded to 4 significant digits (a logo shows less). */
export function storedProbeAttributions(
  attributions: readonly ProbeAttribution[],
): StoredProbeAttribution[] {
  return attributions.map((a, probe) => ({
    probe,
    output: round(a.output),
    scores: Array.from(a.scores, round),
  }));
}

function round(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : 0;
}
