/**
 * The encodings LabelledData is made of: one-hot sequences, class indices of raw labels, an
 * expression matrix as feature vectors.
 */
import { oneHotEncodeBatch } from '@strand/genomics';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/** One-hot sequences as LabelledData's input part. */
export function encodeSequences(
  sequences: string[],
): Pick<LabelledData, 'kind' | 'x' | 'count' | 'length' | 'alphabetSize'> {
  const length = sequences[0].length;
  return {
    kind: 'sequence',
    x: oneHotEncodeBatch(sequences, length),
    count: sequences.length,
    length,
    alphabetSize: 4,
  };
}

/** Class indices of raw labels: in `given` order, else the sorted distinct labels. */
export function classIndices(
  raw: readonly (string | number)[],
  source: string,
  given?: string[],
): { labels: Uint8Array; labelNames: string[] } {
  const texts = raw.map(String);
  const labelNames = given ?? [...new Set(texts)].sort();
  if (labelNames.length > 255) {
    throw new LearningError(
      'INVALID_DATA',
      `${source}: ${labelNames.length} distinct labels; at most 255 classes`,
    );
  }
  const index = new Map(labelNames.map((name, i) => [name, i]));
  const labels = Uint8Array.from(texts, (label, i) => {
    const k = index.get(label);
    if (k === undefined) {
      throw new LearningError(
        'INVALID_DATA',
        `${source}: record ${i + 1} has label "${label}", not one of the training labels (${labelNames.join(', ')})`,
      );
    }
    return k;
  });
  return { labels, labelNames };
}

/** An expression matrix (samples × genes) as LabelledData's input part. */
export function expressionInputs(matrix: {
  genes: string[];
  samples: string[];
  values: Float32Array;
}): Pick<LabelledData, 'kind' | 'x' | 'count' | 'length' | 'alphabetSize' | 'features'> {
  return {
    kind: 'features',
    x: matrix.values,
    count: matrix.samples.length,
    length: matrix.genes.length,
    alphabetSize: 1,
    features: matrix.genes,
  };
}
