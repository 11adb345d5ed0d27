import { describe, expect, it } from 'vitest';
import { labelBalance } from './label-balance.ts';
import { aliasError, aliasesByVersion, modelNameError, suggestedModelName } from './registry.ts';

describe('registry names', () => {
  it('accepts what the API accepts and explains the rest with the API’s message', () => {
    expect(modelNameError('deepbind-ctcf.v2')).toBeNull();
    expect(modelNameError('-x')).toBe(
      'model name "-x" must be 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
    expect(modelNameError('')).not.toBeNull();
    expect(aliasError('production')).toBeNull();
    expect(aliasError('Prod')).toBe(
      'alias "Prod" must be 1–50 lower-case letters, digits, "_" or "-", starting with a letter',
    );
    expect(aliasError('2')).not.toBeNull();
  });

  it('suggests a valid name from the architecture and dataset', () => {
    expect(suggestedModelName('deepbind', 'demo (500 × 101 bp)')).toBe('deepbind-demo-500-101-bp-');
    expect(modelNameError(suggestedModelName('deepbind', 'demo (500 × 101 bp)'))).toBeNull();
    expect(suggestedModelName('', '---')).toBe('model');
  });

  it('groups aliases by the version they point at', () => {
    const map = aliasesByVersion([
      { alias: 'staging', version: 2 },
      { alias: 'production', version: 1 },
      { alias: 'candidate', version: 2 },
    ]);
    expect(map.get(2)).toEqual(['candidate', 'staging']);
    expect(map.get(1)).toEqual(['production']);
  });
});

describe('labelBalance', () => {
  it('gives each label’s share and the largest/smallest ratio', () => {
    const { shares, imbalance } = labelBalance([
      { label: '0', count: 300 },
      { label: '1', count: 100 },
    ]);
    expect(shares.map((s) => s.share)).toEqual([0.75, 0.25]);
    expect(imbalance).toBe(3);
    expect(labelBalance([{ label: 'a', count: 5 }]).imbalance).toBeNull();
    expect(labelBalance([]).shares).toEqual([]);
  });
});
