import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SequenceStore } from '../datasets/sequence-store-reader.ts';
import { openSequenceStore } from '../datasets/sequence-store-reader.ts';
import { SequenceStoreWriter } from '../datasets/sequence-store-writer.ts';
import { StoreStream } from './store-batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-store-batches-'));
const BASES = 'ACGT';
let store: SequenceStore;

/** Row i: a sequence whose first base is BASES[i % 4], label i % 2, task_2 = 1 - label. */
beforeAll(async () => {
  const file = join(dir, 'table.arrow');
  const columns = { labels: ['a', 'b'], features: ['f'], profile: null };
  const writer = new SequenceStoreWriter(file, columns, 't.tsv', false, 7);
  for (let i = 0; i < 50; i++) {
    const sequence = `${BASES[i % 4]}CGTA`;
    writer.add({ id: `r${i}`, sequence, labels: [i % 2, 1 - (i % 2)], features: [i] }, i + 2);
  }
  writer.finish();
  store = await openSequenceStore(file);
});
afterAll(async () => store.table.close());

/** The feature value (= the row index) of every row of every batch of an epoch. */
async function rowsOf(stream: StoreStream, epoch: number, batchSize = 8) {
  const rows: number[] = [];
  const sizes: number[] = [];
  for await (const b of stream.batches(batchSize, epoch)) {
    sizes.push(b.count);
    for (let r = 0; r < b.count; r++) {
      const row = b.extraInputs![0][r];
      rows.push(row);
      // x, y and the second input of a row belong together.
      expect(b.x[r * 20 + BASES.indexOf(BASES[row % 4])]).toBe(1);
      expect([b.y[r * 2], b.y[r * 2 + 1]]).toEqual([row % 2, 1 - (row % 2)]);
    }
  }
  return { rows, sizes };
}

describe('StoreStream', () => {
  it('reads every masked row once per epoch, shuffled by seed and epoch, in order for epoch 0', async () => {
    const mask = Uint8Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const options = { mask, seed: 3, target: 'tasks' as const, scaling: null, bufferRows: 10 };
    const stream = new StoreStream(store, 5, options);
    expect([stream.count, stream.labelWidth, stream.extraInputSizes]).toEqual([40, 2, [1]]);
    const wanted = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 5 !== 0);
    const inOrder = await rowsOf(stream, 0);
    expect(inOrder.rows).toEqual(wanted);
    expect(inOrder.sizes).toEqual([8, 8, 8, 8, 8]);
    const one = await rowsOf(stream, 1);
    expect([...one.rows].sort((a, b) => a - b)).toEqual(wanted);
    expect(one.rows).not.toEqual(wanted);
    expect((await rowsOf(stream, 1)).rows).toEqual(one.rows);
    expect((await rowsOf(stream, 2)).rows).not.toEqual(one.rows);
    const other = new StoreStream(store, 5, { ...options, seed: 4 });
    expect((await rowsOf(other, 1)).rows).not.toEqual(one.rows);
  });

  it('gives class indices and scaled features', async () => {
    const stream = new StoreStream(store, 5, {
      mask: null,
      seed: 1,
      target: 'class',
      scaling: { features: ['f'], mean: [10], sd: [2] },
    });
    const first = (await stream.batches(4, 0)[Symbol.asyncIterator]().next()).value!;
    expect(Array.from(first.y)).toEqual([0, 1, 0, 1]);
    expect(Array.from(first.extraInputs![0])).toEqual([-5, -4.5, -4, -3.5]);
  });
});
