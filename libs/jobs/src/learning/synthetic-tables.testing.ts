/**
 * Sequence tables with a known signal, as files people would bring, for the specs of the
 * learning engine, the training worker and the CLI: a DeepCpG table (label from a motif and the
 * CpG neighbourhood), a two-task table (one motif per label column) and a BPNet profile table.
 */
import {
  BUNDLED_MOTIFS,
  createRng,
  formatProfileTable,
  sequenceTableHeader,
  sequenceTableRow,
  simulatePlantedMotifs,
  simulateProfiles,
} from '@strand/genomics';
import type { Pfm } from '@strand/genomics';

function motif(name: string): Pfm {
  const found = BUNDLED_MOTIFS.find((m) => m.name === name);
  if (!found) throw new Error(`${name} is not bundled`);
  return found;
}

/** Feature columns of cpgMotifTable. */
export const CPG_COLUMNS = Array.from({ length: 20 }, (_, i) => `cpg_${i + 1}`);

/**
 * Columns id, label, sequence, cpg_1…cpg_20: half the sequences carry a GATA1 site, half the
 * records a methylated neighbourhood (each cpg_j is 1 with probability 0.8, else 0.2), drawn
 * independently; label 1 iff both. Either input alone separates at best AUROC ≈ 0.83 (a third of
 * the negatives share it); both together ≈ 1.
 */
export function cpgMotifTable(count: number, length: number, seed: number): string {
  const sim = simulatePlantedMotifs({ count, length, motifs: [motif('GATA1')], seed });
  const rng = createRng(seed + 1);
  const columns = { labelColumns: ['label'], featureColumns: CPG_COLUMNS };
  const lines = [sequenceTableHeader(columns)];
  sim.sequences.forEach((sequence, i) => {
    const methylated = rng.next() < 0.5;
    const features = Float64Array.from(CPG_COLUMNS, () =>
      rng.next() < (methylated ? 0.8 : 0.2) ? 1 : 0,
    );
    const label = sim.labels[i] === 1 && methylated ? 1 : 0;
    lines.push(sequenceTableRow(columns, { id: `r${i}`, sequence, labels: [label], features }));
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Columns id, label_gata1, label_ctcf, sequence: each sequence is two independent halves of
 * `half` bp, the first carrying a GATA1 site in half the records, the second a CTCF site in
 * half; each label column says whether its motif is there.
 */
export function twoMotifTable(count: number, half: number, seed: number): string {
  const gata = simulatePlantedMotifs({ count, length: half, motifs: [motif('GATA1')], seed });
  const ctcf = simulatePlantedMotifs({
    count,
    length: half,
    motifs: [motif('CTCF')],
    seed: seed + 1,
  });
  const columns = { labelColumns: ['label_gata1', 'label_ctcf'] };
  const lines = [sequenceTableHeader(columns)];
  for (let i = 0; i < count; i++) {
    lines.push(
      sequenceTableRow(columns, {
        id: `r${i}`,
        sequence: gata.sequences[i] + ctcf.sequences[i],
        labels: [gata.labels[i], ctcf.labels[i]],
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A motif that allows one sequence only, so that the profile's known answer is exact. */
const PROFILE_MOTIF: Pfm = {
  id: 'TGATAAGC',
  name: 'GATA-like',
  counts: [...'TGATAAGC'].map((b) => [...'ACGT'].map((x) => (x === b ? 10 : 0))),
};

/**
 * simulateProfiles (0–3 sites per sequence, 40 reads a site) written as a table: columns id,
 * sequence, counts. Total counts grow with the number of sites, so a model that finds the sites
 * predicts them.
 */
export function profileTable(count: number, length: number, seed: number): string {
  return formatProfileTable(
    simulateProfiles({
      count,
      length,
      motif: PROFILE_MOTIF,
      seed,
      maxSites: 3,
      readsPerSite: 40,
      footprintSd: 2.5,
      backgroundRate: 0.05,
    }),
  );
}
