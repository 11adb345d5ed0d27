import { describe, expect, it } from 'vitest';
import { readJasparFile } from '../formats/jaspar/jaspar-reader.ts';
import { SHARED_JASPAR_PATH, itWithSharedJaspar } from '../testing.ts';
import { BUNDLED_MOTIFS } from './bundled-motifs.ts';
import { consensus } from './pfm.ts';

describe('BUNDLED_MOTIFS', () => {
  it('holds CTCF, GATA1, Spi1, REST, SOX2 and TP53 with their JASPAR 2024 IDs', () => {
    expect(BUNDLED_MOTIFS.map((m) => `${m.id} ${m.name} ${m.counts.length}`)).toEqual([
      'MA0139.2 CTCF 15',
      'MA0035.5 GATA1 7',
      'MA0080.7 Spi1 13',
      'MA0138.3 REST 20',
      'MA0143.5 SOX2 7',
      'MA0106.3 TP53 18',
    ]);
    expect(BUNDLED_MOTIFS.map(consensus)).toEqual([
      'GCCACCAGGGGGCGC',
      'CTAATCT',
      'AAAGAGGAAGTGG',
      'TCAGCACCATGGACAGCGCC',
      'ACAATGG',
      'AACATGCCCGGGCATGTC',
    ]);
  });

  it('cannot be modified', () => {
    expect(Object.isFrozen(BUNDLED_MOTIFS)).toBe(true);
    expect(() => {
      BUNDLED_MOTIFS[0].counts[0][0] = 1;
    }).toThrow(TypeError);
  });

  itWithSharedJaspar('equals the matrices of the shared JASPAR 2024 file', async () => {
    const all = await readJasparFile(SHARED_JASPAR_PATH);
    for (const bundled of BUNDLED_MOTIFS) {
      expect(all.find((m) => m.id === bundled.id)).toEqual(bundled);
    }
  });
});
