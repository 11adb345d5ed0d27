/**
 * What live interpretation costs a training run: DeepBind (the demo's config) on a planted-CTCF
 * dataset of the demo's size (2,000 × 101 bp), trained by the same fit() the training worker
 * runs, with 8 probes and with none, alternating, `--repeat` times each; plus the probes' own
 * attribution time per epoch, timed alone on the trained model (median of 20 calls). Prints JSON
 * lines and a last one `{ "overhead": … }` (median with probes ÷ median without − 1). The bar of
 * issue 17 is ≤ 0.10.
 *
 *   node --import tsx tools/bench/probe-overhead.ts [--n 2000] [--len 101] [--epochs 5]
 *        [--repeat 3] [--probes 8]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MOTIFS, oneHotEncodeBatch, simulatePlantedMotifs } from '@strand/genomics';
import { fit } from '@strand/jobs';
import type { LabelledData } from '@strand/jobs';
import { initBackend, probeAttributions } from '@strand/models';
import { median, positiveInteger, round } from './bench-helpers.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    len: { type: 'string', default: '101' },
    epochs: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '3' },
    probes: { type: 'string', default: '8' },
  },
});
const n = positiveInteger('n', args.n);
const len = positiveInteger('len', args.len);
const epochs = positiveInteger('epochs', args.epochs);
const repeat = positiveInteger('repeat', args.repeat);
const probeCount = positiveInteger('probes', args.probes);

const backend = await initBackend();
const ctcf = BUNDLED_MOTIFS.find((m) => m.name === 'CTCF')!;
const sim = simulatePlantedMotifs({ count: n, length: len, motifs: [ctcf], seed: 3 });
const data: LabelledData = {
  kind: 'sequence',
  x: oneHotEncodeBatch(sim.sequences, len),
  count: n,
  length: len,
  alphabetSize: 4,
  labels: Uint8Array.from(sim.labels),
  labelNames: ['0', '1'],
  checksum: `bench-${n}-${len}`,
};
const probes = simulatePlantedMotifs({
  count: probeCount,
  length: len,
  motifs: [ctcf],
  seed: 11,
}).sequences;
const options = {
  architecture: 'deepbind',
  epochs,
  batchSize: 64,
  learningRate: 1e-3,
  seed: 11,
  validationFraction: 0.2,
  earlyStopping: false as const,
};

async function once(withProbes: boolean): Promise<number> {
  let attributed = 0;
  const started = performance.now();
  const trained = await fit(data, {
    ...options,
    ...(withProbes ? { probes } : {}),
    onEpoch: (_report, attributions) => {
      if (attributions) attributed += attributions.length;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (withProbes && attributed !== probeCount * epochs)
    throw new Error('probes were not attributed');
  trained.model.dispose();
  return seconds;
}

// One untimed run: the first fit pays kernel set-up that later ones do not.
await once(false);
const without: number[] = [];
const withProbes: number[] = [];
for (let r = 0; r < repeat; r++) {
  without.push(await once(false));
  withProbes.push(await once(true));
  console.log(
    JSON.stringify({ repeat: r + 1, without: round(without[r], 2), with: round(withProbes[r], 2) }),
  );
}
const trained = await fit(data, { ...options, epochs: 1 });
probeAttributions(trained.model, probes);
const calls: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  probeAttributions(trained.model, probes);
  calls.push(performance.now() - t);
}
trained.model.dispose();
const a = median(without);
const b = median(withProbes);
const attributionMs = median(calls);
console.log(
  JSON.stringify({
    backend,
    sequences: n,
    length: len,
    epochs,
    probes: probeCount,
    secondsWithout: round(a, 2),
    secondsWith: round(b, 2),
    attributionMsPerEpoch: round(attributionMs, 1),
    attributionShareOfEpoch: round(attributionMs / 1000 / (a / epochs), 4),
    overhead: round(b / a - 1, 4),
  }),
);
