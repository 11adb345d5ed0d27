/**
 * Where the time of a training step goes, per kernel and input shapes: trains a few batches of
 * a benchmark model (train-models.ts; DeepSEA at 1,000 bp and Basset at 600 bp are the
 * compute-bound ones) through `trainModel` and prints calls and milliseconds per step, sorted by
 * time. Milliseconds are this process's CPU time (user + system), not wall time: on a machine
 * shared with other work, waiting for a core does not count, so the numbers stay comparable.
 *
 *   node --import tsx tools/bench/kernels/conv-profile.ts [--model deepsea|basset|danq|deepbind]
 *        [--batch 64] [--steps 2] [--top 30] [--predict]
 *
 * `--predict` profiles inference instead (`predictProbabilities`, batches of `--batch`, as
 * variant scoring runs it).
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel, initBackend, predictProbabilities, trainModel } from '@strand/models';
import { randomOneHot } from '../bench-helpers.ts';
import type { TrainBenchModel } from '../train-models.ts';
import { labelWidth, TRAIN_BENCH_DEFAULTS, trainBenchSpec } from '../train-models.ts';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'deepsea' },
    batch: { type: 'string', default: '64' },
    steps: { type: 'string', default: '2' },
    top: { type: 'string', default: '30' },
    predict: { type: 'boolean', default: false },
  },
});
const steps = Number(args.steps);
const batch = Number(args.batch);
const backend = await initBackend();
const name = args.model as TrainBenchModel;
const spec = trainBenchSpec(name, TRAIN_BENCH_DEFAULTS[name].len);
const model = buildModel(spec);
const options = {
  batchSize: batch,
  learningRate: 1e-3,
  seed: 0,
  validationFraction: 0,
  epochs: 1,
  task: TRAIN_BENCH_DEFAULTS[name].task,
};
const labels = (count: number) => {
  const d = randomOneHot(count, spec.inputLength);
  const tasks = labelWidth(name);
  const y = new Float32Array(count * tasks).map((_, i) => (i * 7919) % 2);
  return { ...d, y, labelWidth: tasks };
};
const work = async (data: ReturnType<typeof labels>) => {
  if (args.predict) predictProbabilities(model, data, undefined, batch);
  else await trainModel(model, data, options);
};
await work(labels(batch)); // warm-up: one-off kernel setup

// Every kernel of the backend, wrapped to add its CPU time to a per-name-and-shape tally.
const tally = new Map<string, { ms: number; calls: number }>();
let depth = 0; // kernels that call kernels count once, at the outside
for (const config of tf.getKernelsForBackend(backend)) {
  const inner = config.kernelFunc;
  tf.unregisterKernel(config.kernelName, backend);
  tf.registerKernel({
    ...config,
    kernelFunc: (kernelArgs) => {
      if (depth > 0) return inner(kernelArgs);
      depth++;
      const started = process.cpuUsage();
      try {
        return inner(kernelArgs);
      } finally {
        depth--;
        const used = process.cpuUsage(started);
        const shapes = Object.values(kernelArgs.inputs).map((t) => `[${t?.shape.join(',') ?? ''}]`);
        const key = `${config.kernelName} ${shapes.join(' ')}`.slice(0, 140);
        const entry = tally.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += (used.user + used.system) / 1000 / steps;
        entry.calls += 1 / steps;
        tally.set(key, entry);
      }
    },
  });
}
const data = labels(steps * batch);
const started = process.cpuUsage();
const wallStart = performance.now();
await work(data);
const cpu = process.cpuUsage(started);
const stepMs = (cpu.user + cpu.system) / 1000 / steps;
const kernelMs = [...tally.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  JSON.stringify({
    backend,
    model: name,
    batch,
    steps,
    cpuMsPerStep: Math.round(stepMs),
    wallMsPerStep: Math.round((performance.now() - wallStart) / steps),
    kernelCpuMsPerStep: Math.round(kernelMs),
    kernelsPerStep: Math.round([...tally.values()].reduce((s, e) => s + e.calls, 0)),
  }),
);
console.log(
  `\nper step, CPU time (mean of ${steps})\n${'ms'.padStart(9)} ${'%'.padStart(5)} calls  kernel`,
);
const top = [...tally.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(args.top));
for (const [key, { ms, calls }] of top) {
  const share = (100 * ms) / stepMs;
  console.log(
    `${ms.toFixed(1).padStart(9)} ${share.toFixed(1).padStart(5)} ${calls.toFixed(1).padStart(5)}  ${key}`,
  );
}
model.dispose();
