/** Small labelled sets with a known signal, for the learning engine's specs. */
import { BUNDLED_MOTIFS, createRng, simulatePlantedMotifs } from '@strand/genomics';
import { encodeSequences } from './data-encoding.ts';
import type { LabelledData } from './labelled-data.ts';

/** Sequences with a planted GATA1 motif in the positives (class 1 of negative / positive). */
export function plantedMotifData(count: number, length: number, seed: number): LabelledData {
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1');
  if (!gata) throw new Error('GATA1 is not bundled');
  const sim = simulatePlantedMotifs({ count, length, motifs: [gata], seed });
  return {
    ...encodeSequences(sim.sequences),
    labels: Uint8Array.from(sim.labels),
    labelNames: ['negative', 'positive'],
    checksum: `planted-${count}-${length}-${seed}`,
  };
}

/**
 * Expression profiles [samples × genes] of `classes` classes, sample i in class i mod classes;
 * class c raises genes `raised`·c … `raised`·(c + 1) − 1 by `shift` over uniform noise, on a
 * scale of 100 so that only standardised inputs train well.
 */
export function expressionProfiles(
  samples: number,
  genes: number,
  classes: string[],
  seed: number,
  { shift = 2, raised = 3 }: { shift?: number; raised?: number } = {},
): { genes: string[]; samples: string[]; values: Float32Array; labels: string[] } {
  const rng = createRng(seed);
  const values = new Float32Array(samples * genes);
  for (let i = 0; i < samples; i++) {
    for (let g = 0; g < genes; g++) {
      const up = Math.floor(g / raised) === i % classes.length;
      values[i * genes + g] = 100 * (rng.next() + (up ? shift : 0));
    }
  }
  return {
    genes: Array.from({ length: genes }, (_, g) => `g${g}`),
    samples: Array.from({ length: samples }, (_, i) => `s${i}`),
    values,
    labels: Array.from({ length: samples }, (_, i) => classes[i % classes.length] ?? ''),
  };
}
