import { describe, expect, it } from 'vitest';
import { DEEPBIND_DEFAULTS } from './deepbind.ts';
import { validateArchitectureConfig } from './registry.ts';

const INPUT = { length: 101, alphabetSize: 4 };

describe('validateArchitectureConfig', () => {
  it('fills every default when no config is given', () => {
    expect(validateArchitectureConfig('deepbind', undefined, INPUT)).toEqual({
      ok: true,
      config: {
        filters: 64,
        kernelSize: 12,
        hiddenUnits: 32,
        dropout: 0.2,
        task: 'binary',
        outputs: 1,
      },
    });
    expect(validateArchitectureConfig('deepbind', {}, INPUT)).toEqual({
      ok: true,
      config: DEEPBIND_DEFAULTS,
    });
  });

  it('keeps given fields and fills the rest', () => {
    expect(validateArchitectureConfig('deepbind', { filters: 16, dropout: 0 }, INPUT)).toEqual({
      ok: true,
      config: {
        filters: 16,
        kernelSize: 12,
        hiddenUnits: 32,
        dropout: 0,
        task: 'binary',
        outputs: 1,
      },
    });
  });

  it('rejects an unknown architecture, naming the known ones', () => {
    expect(validateArchitectureConfig('resnet', {}, INPUT)).toEqual({
      ok: false,
      errors: [
        {
          field: 'architecture',
          message:
            'unknown architecture "resnet"; known: deepbind, deepsea, danq, mlp, lstm, basset, autoencoder, risk, vae, bpnet, deepcpg, pileup',
        },
      ],
    });
  });

  it('lists every bad field with its value', () => {
    const config = { filters: 0, kernelSize: 'x', hiddenUnits: 2.5, dropout: 1, filter: 3 };
    expect(validateArchitectureConfig('deepbind', config, INPUT)).toEqual({
      ok: false,
      errors: [
        {
          field: 'config.filter',
          message:
            'unknown field "filter"; known: filters, kernelSize, hiddenUnits, dropout, task, outputs',
        },
        { field: 'config.filters', message: 'must be an integer from 1 to 1024, got 0' },
        { field: 'config.kernelSize', message: 'must be an integer from 1 to 1024, got "x"' },
        { field: 'config.hiddenUnits', message: 'must be an integer from 1 to 4096, got 2.5' },
        { field: 'config.dropout', message: 'must be a number in [0, 1), got 1' },
      ],
    });
  });

  it('rejects a kernel longer than the input', () => {
    const result = validateArchitectureConfig(
      'deepbind',
      { kernelSize: 12 },
      { length: 10, alphabetSize: 4 },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'config.kernelSize', message: 'kernelSize 12 is longer than the input length 10' },
      ],
    });
  });

  it('rejects a config that is not an object, and a bad input shape', () => {
    expect(validateArchitectureConfig('deepbind', [1], { length: 0, alphabetSize: 4 })).toEqual({
      ok: false,
      errors: [
        { field: 'input.length', message: 'must be a positive integer, got 0' },
        { field: 'config', message: 'must be an object, got an array' },
      ],
    });
  });
});
