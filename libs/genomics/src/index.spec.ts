import { describe, expect, it } from 'vitest';
import * as genomics from './index.ts';

describe('@strand/genomics public entry', () => {
  it('exports exactly the documented runtime API', () => {
    expect(Object.keys(genomics).sort()).toEqual([
      'BUNDLED_MOTIFS',
      'DNA_ALPHABET',
      'FormatError',
      'GenomicsError',
      'compareMotifs',
      'consensus',
      'createRng',
      'findMotif',
      'informationContent',
      'oneHotEncode',
      'oneHotEncodeBatch',
      'parseJaspar',
      'pfmToProbabilities',
      'readJasparFile',
      'reverseComplement',
      'simulatePlantedMotifs',
    ]);
    expect(genomics.DNA_ALPHABET).toBe('ACGT');
  });
});
