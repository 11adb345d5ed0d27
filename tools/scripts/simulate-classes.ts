/**
 * A 3-class sequence table with planted motifs, for comparing models with the baseline:
 * `none` (background only), `gata` (one GATA1 site), `sox` (one SOX2 site), each site at a
 * uniform position on a random strand (JASPAR 2024 matrices bundled with @strand/genomics).
 *
 *   node --import tsx tools/scripts/simulate-classes.ts OUT.tsv [count per class] [length] [seed]
 */
import { writeFileSync } from 'node:fs';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';

const [out, perClass = '400', length = '101', seed = '7'] = process.argv.slice(2);
if (!out) throw new Error('usage: simulate-classes.ts OUT.tsv [count per class] [length] [seed]');
const motif = (name: string) => {
  const found = BUNDLED_MOTIFS.find((m) => m.name === name);
  if (!found) throw new Error(`no bundled motif ${name}`);
  return found;
};
const rows: string[] = [];
(['none', 'gata', 'sox'] as const).forEach((label, c) => {
  const sim = simulatePlantedMotifs({
    count: Number(perClass),
    length: Number(length),
    motifs: [motif(c === 2 ? 'SOX2' : 'GATA1')],
    positiveFraction: c === 0 ? 0 : 1,
    bothStrands: true,
    seed: Number(seed) * 10 + c,
  });
  sim.sequences.forEach((s, i) => rows.push(`${label}_${i}\t${label}\t${s}`));
});
writeFileSync(out, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
process.stderr.write(`${rows.length} sequences written to ${out}\n`);
