import { MAX_PROBES, readProbes } from '@strand/jobs';
import type { DataShape, InputEncoding, StoredProbeAttribution } from '@strand/jobs';
import type { ProbeAttribution } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { sequenceBatches } from '../sequence-batches.ts';

/**
 * `strand train --probes FILE`: the probe sequences (FASTA, labelled FASTA or the rows of a
 * sequence table), at most MAX_PROBES; a usage error past that.
 */
export async function readProbeFile(command: string, path: string): Promise<string[]> {
  let probes: string[] = [];
  try {
    for await (const batch of sequenceBatches(path, MAX_PROBES + 1)) {
      probes = batch;
      break;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: --probes ${path}: ${message}`, 2);
  }
  if (probes.length === 0) throw new CliError(`${command}: --probes ${path} holds no sequence`, 2);
  if (probes.length > MAX_PROBES) {
    throw new CliError(
      `${command}: --probes ${path}: at most ${MAX_PROBES} sequences; it holds more`,
      2,
    );
  }
  return probes;
}

/** The probes checked against the data and the run's encoding; a usage error naming the first. */
export function checkProbes(
  command: string,
  probes: string[],
  data: DataShape,
  describe: string,
  encoding: Partial<InputEncoding>,
): string[] {
  const read = readProbes(probes, { shape: data, name: describe, encoding });
  const first = read.errors[0];
  if (first) throw new CliError(`${command}: --probes: ${first.message}`, 2);
  return read.value;
}

/** One epoch of every probe, kept for the --json result (N × length × 4 numbers an epoch). */
export interface ProbeEpoch {
  epoch: number;
  attributions: StoredProbeAttribution[];
}

/**
 * A line per probe for the progress output: its output and the window of `width` bases whose
 * attributions sum highest, with those bases (the motif the model reads there, if any).
 */
export function probeLines(
  probes: string[],
  attributions: ProbeAttribution[],
  width = 8,
): string[] {
  return attributions.map((a, i) => {
    const sequence = probes[i];
    const w = Math.min(width, sequence.length);
    const perBase = Array.from({ length: sequence.length }, (_, p) =>
      [0, 1, 2, 3].reduce((sum, b) => sum + a.scores[p * 4 + b], 0),
    );
    let best = 0;
    let bestSum = -Infinity;
    let sum = 0;
    for (let p = 0; p < perBase.length; p++) {
      sum += perBase[p] - (p >= w ? perBase[p - w] : 0);
      if (p >= w - 1 && sum > bestSum) {
        bestSum = sum;
        best = p - w + 1;
      }
    }
    return `  probe ${i + 1}: output ${a.output.toFixed(4)}, strongest ${w} bases ${best + 1}–${best + w} ${sequence.slice(best, best + w)} (${bestSum.toFixed(4)})`;
  });
}
