/**
 * Speed check of the hot paths of @strand/genomics. Run from the repo root:
 *   node --import tsx tools/bench/encode-genomics.ts
 * Prints the median of 15 runs after warm-up, and for the encoders the ratio to a reference in
 * the same run: filling an array of the same size (the memory-bandwidth floor).
 */
import { performance } from 'node:perf_hooks';
import {
  BUNDLED_MOTIFS,
  createRng,
  oneHotEncode,
  oneHotEncodeBatch,
  reverseComplement,
  simulatePlantedMotifs,
} from '@strand/genomics';

function median(fn: () => unknown, runs = 15): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const rng = createRng(1);
const bases = 'ACGTacgtN';
const million = Array.from({ length: 1_000_000 }, () => bases[rng.int(bases.length)]).join('');
const out = new Float32Array(million.length * 4);
const windows = Array.from({ length: 10_000 }, (_, i) => million.slice(i * 100, i * 100 + 101));

const floor = median(() => out.fill(Math.random()));
const rows: [string, number, number | null][] = [
  ['fill 4M floats (reference)', floor, 1],
  ['oneHotEncode 1M bases, into out', median(() => oneHotEncode(million, out)), null],
  ['oneHotEncode 1M bases, new array', median(() => oneHotEncode(million)), null],
  ['oneHotEncodeBatch 10k × 101', median(() => oneHotEncodeBatch(windows, 101)), null],
  ['reverseComplement 1M bases', median(() => reverseComplement(million)), null],
  [
    'simulatePlantedMotifs 2000 × 101',
    median(() =>
      simulatePlantedMotifs({ count: 2000, length: 101, motifs: BUNDLED_MOTIFS, seed: 7 }),
    ),
    null,
  ],
];
for (const [name, ms, ratio] of rows) {
  const shown = ratio ?? ms / floor;
  console.log(`${name.padEnd(36)} ${ms.toFixed(2).padStart(8)} ms  ${shown.toFixed(1)}× fill`);
}
