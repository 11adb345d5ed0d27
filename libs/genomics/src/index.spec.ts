import { describe, expect, it } from 'vitest';
import * as genomics from './index.ts';

describe('@strand/genomics public entry', () => {
  it('exports exactly the documented runtime API', () => {
    expect(Object.keys(genomics).sort()).toEqual([
      'BUNDLED_MOTIFS',
      'ChromosomeNames',
      'DNA_ALPHABET',
      'FastaIndex',
      'FormatError',
      'GenomicsError',
      'ReferenceReader',
      'VCF_VERSIONS',
      'alleleKind',
      'bgzipCompress',
      'buildFai',
      'canonicalChromosome',
      'chromosomeHoldout',
      'chromosomeKFold',
      'compareMotifs',
      'consensus',
      'createRng',
      'detectCompression',
      'findMotif',
      'informationContent',
      'joinSampleAnnotations',
      'kFold',
      'oneHotEncode',
      'oneHotEncodeBatch',
      'openText',
      'openVcf',
      'parseJaspar',
      'pfmToProbabilities',
      'preflight',
      'queryVcfRegion',
      'readBed',
      'readExpressionMatrix',
      'readFasta',
      'readFastq',
      'readJasparFile',
      'readLabelledFasta',
      'readSampleAnnotations',
      'readSequenceTable',
      'reverseComplement',
      'simulatePlantedMotifs',
      'splitMultiallelic',
      'stratifiedSplit',
      'validateVcf',
      'variantWindows',
    ]);
    expect(genomics.DNA_ALPHABET).toBe('ACGT');
  });
});
