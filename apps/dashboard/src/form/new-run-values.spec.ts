import { describe, expect, it } from 'vitest';
import type { NewRunValues } from './new-run-values.ts';
import {
  DEFAULT_VALUES,
  toDatasetInput,
  toTrainingInput,
  validateNewRun,
} from './new-run-values.ts';

const values = (changes: Partial<NewRunValues> = {}): NewRunValues => ({
  ...DEFAULT_VALUES,
  motif: 'CTCF',
  ...changes,
});

describe('toDatasetInput', () => {
  it('builds the demo dataset input from the defaults', () => {
    expect(toDatasetInput(values())).toEqual({
      ok: true,
      input: { sequences: 2000, length: 101, motifs: ['CTCF'], seed: 1 },
    });
  });

  it('sends a trimmed name only when one is given, and no motifs when none is chosen', () => {
    const result = toDatasetInput(values({ name: '  ctcf-demo ', motif: '' }));
    expect(result).toEqual({
      ok: true,
      input: { name: 'ctcf-demo', sequences: 2000, length: 101, motifs: null, seed: 1 },
    });
  });

  it('names every bad field and its value', () => {
    expect(toDatasetInput(values({ sequences: '1.5', length: '0', dataSeed: '' }))).toEqual({
      ok: false,
      errors: {
        sequences: '"1.5" is not a whole number',
        length: '0 is below the minimum 1',
        dataSeed: '"" is not a whole number',
      },
    });
  });
});

describe('toTrainingInput', () => {
  it('sends the probe lines (trimmed, uppercased, blank lines left out) and checks them', () => {
    const result = toTrainingInput(values({ probes: ' acgtn \n\nTTTT\r\n' }), 'd7');
    expect(result.ok && result.input.probes).toEqual(['ACGTN', 'TTTT']);
    expect(toTrainingInput(values({ probes: 'ACGT\nACGU' }), 'd7')).toEqual({
      ok: false,
      errors: { probes: 'probe 2 holds other letters than A, C, G, T, N' },
    });
    expect(toTrainingInput(values({ probes: 'A\n'.repeat(9) }), 'd7')).toEqual({
      ok: false,
      errors: { probes: 'at most 8 probes; got 9' },
    });
  });

  it('builds the training input for a dataset', () => {
    expect(toTrainingInput(values(), 'd7')).toEqual({
      ok: true,
      input: {
        datasetId: 'd7',
        architecture: 'deepbind',
        epochs: 6,
        batchSize: 64,
        learningRate: 0.001,
        seed: 1,
      },
    });
  });

  it('rejects a missing dataset or architecture and bad numbers', () => {
    expect(
      toTrainingInput(values({ architecture: '', epochs: 'six', learningRate: '-0.1' }), ''),
    ).toEqual({
      ok: false,
      errors: {
        datasetId: 'choose a dataset',
        architecture: 'choose an architecture',
        epochs: '"six" is not a whole number',
        learningRate: '-0.1 is not above 0',
      },
    });
    expect(toTrainingInput(values({ learningRate: 'abc' }), 'd7')).toEqual({
      ok: false,
      errors: { learningRate: '"abc" is not a number' },
    });
  });
});

describe('validateNewRun', () => {
  it('checks both steps before anything is sent', () => {
    expect(validateNewRun(values())).toEqual({});
    expect(validateNewRun(values({ length: 'x', epochs: '0' }))).toEqual({
      length: '"x" is not a whole number',
      epochs: '0 is below the minimum 1',
    });
  });

  it('ignores the demo fields and requires a dataset when using an existing one', () => {
    expect(validateNewRun(values({ source: 'existing', length: 'x' }))).toEqual({
      datasetId: 'choose a dataset',
    });
    expect(validateNewRun(values({ source: 'existing', datasetId: 'd1' }))).toEqual({});
  });
});
