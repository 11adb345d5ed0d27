import * as tf from '@tensorflow/tfjs';
import { reverseComplementRows } from '@strand/genomics';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from '../architectures/build-model.ts';
import { plantedMotifDataset, TINY_DEEPBIND } from '../testing.ts';
import { gatherRows } from './gather.ts';
import { deriveSeed, seededRandom, shuffleInPlace } from './seed.ts';
import type { TrainOptions } from './train.ts';
import { trainModel } from './train.ts';
import type { TrainingData } from './training-data.ts';
import type { TrainingBatch, TrainingStream } from './training-stream.ts';

/**
 * A stream over data in memory that gives the batches trainModel makes of that data itself
 * (the same seeded shuffle per epoch; stored order for epoch 0).
 */
function streamOf(data: TrainingData, seed: number): TrainingStream & { reads: number } {
  const size = data.length * data.alphabetSize;
  const stream = {
    reads: 0,
    count: data.count,
    length: data.length,
    alphabetSize: data.alphabetSize,
    async *batches(batchSize: number, epoch: number): AsyncGenerator<TrainingBatch> {
      stream.reads++;
      const order = Uint32Array.from({ length: data.count }, (_, i) => i);
      if (epoch > 0) shuffleInPlace(order, seededRandom(deriveSeed(seed, 'shuffle', epoch)));
      const x = new Float32Array(batchSize * size);
      const y = new Float32Array(batchSize);
      for (let start = 0; start < order.length; start += batchSize) {
        const end = Math.min(start + batchSize, order.length);
        gatherRows(data.x, size, order, start, end, x);
        gatherRows(data.y, 1, order, start, end, y);
        yield { count: end - start, x: x.subarray(0, (end - start) * size), y };
      }
    },
  };
  return stream;
}

const model = () =>
  buildModel({
    architecture: 'deepbind',
    config: { ...TINY_DEEPBIND },
    inputLength: 40,
    alphabetSize: 4,
    seed: 3,
  });

beforeAll(async () => {
  await initBackend();
});

describe('trainModel on a TrainingStream', () => {
  it('trains and validates exactly as on the same batches in memory, without leaking', async () => {
    const data = plantedMotifDataset({ count: 200, length: 40, seed: 5 });
    const validation = plantedMotifDataset({ count: 60, length: 40, seed: 6 });
    const options: TrainOptions = { epochs: 3, batchSize: 32, learningRate: 0.02, seed: 9 };
    const before = tf.memory().numTensors;
    const inMemory = model();
    const expected = await trainModel(inMemory, data, { ...options, validation });
    inMemory.dispose();
    const streamed = model();
    const stream = streamOf(data, options.seed);
    const validationStream = streamOf(validation, options.seed);
    const result = await trainModel(streamed, stream, {
      ...options,
      validation: validationStream,
    });
    streamed.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const metrics = (r: typeof result) => r.history.map((e) => e.metrics);
    expect(metrics(result)).toEqual(metrics(expected));
    expect([stream.reads, validationStream.reads]).toEqual([3, 3]);
  });

  it('is not split, and does not feed the heads of a multi-output model', async () => {
    const data = plantedMotifDataset({ count: 50, length: 40, seed: 5 });
    const m = model();
    const base: TrainOptions = { epochs: 1, batchSize: 16, learningRate: 0.01, seed: 1 };
    await expect(
      trainModel(m, streamOf(data, 1), { ...base, validationFraction: 0.2 }),
    ).rejects.toThrow(
      'options.validationFraction splits data in memory; a stream takes options.validation',
    );
    await expect(
      trainModel(m, streamOf(data, 1), { ...base, heads: [{ name: 'p', loss: 'binary' }] }),
    ).rejects.toThrow(
      'a multi-output model (options.heads, task profile) trains on data in memory',
    );
    m.dispose();
  });

  it('reverse-complements a seeded half of each batch (reverseComplement)', async () => {
    const data = plantedMotifDataset({ count: 120, length: 40, seed: 5 });
    const options: TrainOptions = { epochs: 2, batchSize: 32, learningRate: 0.02, seed: 4 };
    const run = async (stream: TrainingStream, reverseComplement: boolean) => {
      const m = model();
      const { history } = await trainModel(m, stream, { ...options, reverseComplement });
      m.dispose();
      return history.map((e) => e.metrics);
    };
    // The same flips, made by hand: batch b of epoch e flips where its seeded draws are < ½.
    const flipped: TrainingStream = {
      ...streamOf(data, options.seed),
      async *batches(batchSize: number, epoch: number) {
        let b = 0;
        for await (const batch of streamOf(data, options.seed).batches(batchSize, epoch)) {
          const flip = seededRandom(deriveSeed(options.seed, 'reverse-complement', epoch, b++));
          reverseComplementRows(batch.x, batch.count, 40, () => flip() < 0.5);
          yield batch;
        }
      },
    };
    const augmented = await run(streamOf(data, options.seed), true);
    expect(augmented).toEqual(await run(flipped, false));
    expect(augmented).not.toEqual(await run(streamOf(data, options.seed), false));
    const features = { ...streamOf(data, 1), alphabetSize: 1, length: 160 };
    const m = buildModel({
      architecture: 'deepbind',
      config: { ...TINY_DEEPBIND },
      inputLength: 160,
      alphabetSize: 1,
      seed: 3,
    });
    await expect(trainModel(m, features, { ...options, reverseComplement: true })).rejects.toThrow(
      'options.reverseComplement needs one-hot DNA (alphabetSize 4); data.alphabetSize = 1',
    );
    m.dispose();
  });
});
