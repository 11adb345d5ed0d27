import { describe, expect, it } from 'vitest';
import { readJasparFile } from '../../formats/jaspar/jaspar-reader.ts';
import { SHARED_JASPAR_PATH, itWithSharedJaspar } from '../../testing.ts';
import { BUNDLED_MOTIFS } from '../bundled-motifs.ts';
import { findMotif } from '../find-motif.ts';
import type { Pfm } from '../pfm.ts';
import { compareMotifs } from './compare-motifs.ts';
import { informationContent } from './information-content.ts';

const motif = (id: string, rows: string): Pfm => ({
  id,
  name: id.toLowerCase(),
  // One fully specified base per position: 'A' → [10, 0, 0, 0], ...
  counts: [...rows].map((base) => [0, 1, 2, 3].map((b) => ('ACGT'[b] === base ? 10 : 0))),
});
const rc = (pfm: Pfm): Pfm => ({
  ...pfm,
  id: `${pfm.id}-rc`,
  counts: pfm.counts.map((row) => [...row].reverse()).reverse(),
});

describe('compareMotifs', () => {
  const db = [motif('M1', 'ACGTACGT'), motif('M2', 'TTGACCAGTA'), motif('M3', 'GGGGCCCC')];

  it('ranks an exact copy first, with score = width, offset 0 and + strand', () => {
    const [best, ...rest] = compareMotifs(db[1], db);
    expect(best).toEqual({
      id: 'M2',
      name: 'm2',
      score: expect.closeTo(10, 9),
      pvalue: expect.any(Number),
      offset: 0,
      strand: '+',
      overlap: 10,
      rank: 1,
    });
    expect(rest.map((m) => m.rank)).toEqual([2, 3]);
    expect(rest[0].score).toBeLessThan(10);
  });

  it('finds the reverse complement on the - strand', () => {
    const [best] = compareMotifs(rc(db[1]), db);
    expect(best).toMatchObject({
      id: 'M2',
      score: expect.closeTo(10, 9),
      offset: 0,
      strand: '-',
      overlap: 10,
    });
  });

  it('aligns a sub-motif at its offset, and a query overhanging the target', () => {
    expect(compareMotifs(motif('Q', 'GACCAG'), db)[0]).toMatchObject({
      id: 'M2',
      score: expect.closeTo(6, 9),
      offset: 2,
      overlap: 6,
    });
    // The query's first 3 columns hang before the target; its last 5 match M2's first 5.
    expect(compareMotifs(motif('Q', 'CCCTTGAC'), [db[1]])[0]).toMatchObject({
      offset: -3,
      overlap: 5,
      score: expect.closeTo(5, 9),
    });
  });

  it('gives p-values in (0, 1] that grow as scores fall, floored at 1 / (1 + null size)', () => {
    const matches = compareMotifs(db[0], BUNDLED_MOTIFS.concat(db), { shuffles: 20 });
    const nullSize = (BUNDLED_MOTIFS.length + db.length) * 20;
    expect(matches[0]).toMatchObject({ id: 'M1', pvalue: 1 / (1 + nullSize) });
    for (let i = 1; i < matches.length; i++) {
      expect(matches[i].score).toBeLessThanOrEqual(matches[i - 1].score);
      expect(matches[i].pvalue).toBeGreaterThanOrEqual(matches[i - 1].pvalue);
      expect(matches[i].pvalue).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic per seed', () => {
    const a = compareMotifs(db[2], BUNDLED_MOTIFS, { seed: 3 });
    expect(compareMotifs(db[2], BUNDLED_MOTIFS, { seed: 3 })).toEqual(a);
  });

  it('scores a uniform column 0 (no variance, no correlation)', () => {
    // A uniform column then GACCA: aligned at M2's GACCA (offset 2) the uniform column adds 0.
    const flat: Pfm = {
      id: 'F',
      name: 'flat',
      counts: [[5, 5, 5, 5], ...motif('Q', 'GACCA').counts],
    };
    expect(compareMotifs(flat, [db[1]])[0]).toMatchObject({
      score: expect.closeTo(5, 9),
      offset: 1,
      overlap: 6,
    });
  });

  it('rejects bad options and empty matrices, naming them', () => {
    expect(() => compareMotifs(db[0], db, { minOverlap: 0 })).toThrow(
      'minOverlap must be an integer ≥ 1, got 0',
    );
    expect(() => compareMotifs(db[0], db, { shuffles: 1.5 })).toThrow(
      'shuffles must be an integer ≥ 0, got 1.5',
    );
    const empty: Pfm = { id: 'E.1', name: 'e', counts: [] };
    expect(() => compareMotifs(empty, db)).toThrow('query motif E.1 has width 0');
    expect(() => compareMotifs(db[0], [db[1], empty])).toThrow(
      'database motif E.1 (#1) has width 0',
    );
  });

  itWithSharedJaspar(
    'matches bundled motifs to themselves among all 879, 16 queries in seconds',
    async () => {
      const jaspar = await readJasparFile(SHARED_JASPAR_PATH);
      const queries = ['MA0139.2', 'MA0080.7', 'MA0138.3', 'MA0106.3'].map((id) => findMotif(id)!);
      const started = performance.now();
      for (let round = 0; round < 4; round++) {
        for (const query of queries) {
          const [best] = compareMotifs(query, jaspar);
          expect(best).toMatchObject({ id: query.id, offset: 0, strand: '+', rank: 1 });
          expect(best.pvalue).toBe(1 / (1 + 8790));
        }
      }
      // 16 comparisons against 879 matrices; measured ~1 s on a loaded 2-core machine.
      expect(performance.now() - started).toBeLessThan(10_000);
    },
  );
});

describe('informationContent', () => {
  it('is 2 bits per fully specified position, 0 for uniform or empty ones', () => {
    expect(informationContent(motif('X', 'ACG'))).toBe(6);
    expect(
      informationContent({
        id: 'U',
        name: 'u',
        counts: [
          [1, 1, 1, 1],
          [0, 0, 0, 0],
        ],
      }),
    ).toBe(0);
    expect(informationContent({ id: 'H', name: 'h', counts: [[5, 5, 0, 0]] })).toBe(1);
  });
});
