import { describe, expect, it } from 'vitest';
import { placeUserErrors } from './user-errors.ts';

describe('placeUserErrors', () => {
  it('puts dataset errors next to the fields they name', () => {
    const placed = placeUserErrors(
      [
        {
          field: 'input.length',
          message: 'length 5 is shorter than motif CTCF (19 bp)',
          code: 'BAD_LENGTH',
        },
        { field: 'motifs[0]', message: 'unknown motif "X"', code: 'UNKNOWN_MOTIF' },
        { field: 'seed', message: 'seed must be ≥ 0', code: 'BAD_SEED' },
      ],
      'createDemoDataset',
    );
    expect(placed).toEqual({
      fields: {
        length: 'length 5 is shorter than motif CTCF (19 bp)',
        motif: 'unknown motif "X"',
        dataSeed: 'seed must be ≥ 0',
      },
      general: [],
    });
  });

  it('maps training fields, joins repeats and keeps unknown or field-less errors general', () => {
    const placed = placeUserErrors(
      [
        { field: 'epochs', message: 'too many', code: 'A' },
        { field: 'epochs', message: 'really', code: 'B' },
        { field: 'seed', message: 'bad seed', code: 'C' },
        { field: 'config.filters', message: 'must be ≥ 1', code: 'D' },
        { field: null, message: 'queue is full', code: 'E' },
      ],
      'startTraining',
    );
    expect(placed).toEqual({
      fields: { epochs: 'too many; really', seed: 'bad seed' },
      general: ['config.filters: must be ≥ 1', 'queue is full'],
    });
  });
});
