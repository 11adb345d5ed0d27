/**
 * A stored sequence table read whole into LabelledData: the in-memory path for what is small
 * (cross-validation folds, profile heads); training of single-output tasks streams it instead
 * (store-batches.ts).
 */
import { basename } from 'node:path';
import { oneHotEncodeBytes } from '@strand/genomics';
import type { NumericArray } from '@strand/genomics';
import { chunkClasses, openSequenceStore } from '../datasets/sequence-store-reader.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { STORED_COLUMNS } from './stored-data.ts';

/** Every record of a stored sequence table, one-hot, with its targets and feature columns. */
export async function loadStoreTable(file: string, checksum: string): Promise<LabelledData> {
  const source = basename(file);
  const store = await openSequenceStore(file);
  const { table, meta } = store;
  try {
    const count = table.rows;
    if (count === 0) throw new LearningError('INVALID_DATA', `${source}: no records`);
    const first = await table.chunk(0);
    const text = first.text('sequence');
    const length = text.offsets[1] - text.offsets[0];
    const { labels: labelColumns, features, profile } = meta.columns;
    const tasks = labelColumns.length > 1 ? labelColumns.length : 0;
    const x = new Float32Array(count * length * 4);
    const labels = new Uint8Array(count);
    const taskLabels = tasks ? new Float32Array(count * tasks) : undefined;
    const extraInput = features.length ? new Float32Array(count * features.length) : undefined;
    const profileCounts = profile ? new Float32Array(count * length * profile.tracks) : undefined;
    let at = 0;
    for (let c = 0; c < table.chunks; c++) {
      const chunk = c === 0 ? first : await table.chunk(c);
      const { bytes, offsets } = chunk.text('sequence');
      labels.set(chunkClasses(store, chunk), at);
      const taskValues = Array.from({ length: tasks }, (_, t) =>
        chunk.numbers(STORED_COLUMNS.task(t)),
      );
      const featureValues = features.map((_, f) => chunk.numbers(STORED_COLUMNS.feature(f)));
      const counts = profile ? chunk.list(STORED_COLUMNS.profile) : undefined;
      for (let r = 0; r < chunk.rows; r++) {
        const row = at + r;
        if (offsets[r + 1] - offsets[r] !== length) {
          throw new LearningError(
            'INVALID_DATA',
            `${source}: record ${row + 1} has length ${offsets[r + 1] - offsets[r]}, the first ${length}; all must be equal`,
          );
        }
        oneHotEncodeBytes(bytes, offsets[r], offsets[r + 1], x, row * length * 4);
        taskValues.forEach((v, t) => ((taskLabels as Float32Array)[row * tasks + t] = v[r]));
        featureValues.forEach(
          (v, f) => ((extraInput as Float32Array)[row * features.length + f] = v[r]),
        );
        if (counts && profileCounts) {
          const values = counts.values.subarray(counts.offsets[r], counts.offsets[r + 1]);
          profileCounts.set(values as NumericArray, row * values.length);
        }
      }
      at += chunk.rows;
    }
    return {
      kind: 'sequence',
      x,
      count,
      length,
      alphabetSize: 4,
      labels,
      labelNames: [...store.labelNames],
      checksum,
      ...(tasks && taskLabels ? { tasks: [...labelColumns], taskLabels } : {}),
      ...(extraInput ? { extraFeatures: [...features], extraInput } : {}),
      ...(profile && profileCounts ? { profile: { ...profile }, profileCounts } : {}),
    };
  } finally {
    await table.close();
  }
}
