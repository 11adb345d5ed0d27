import { describe, expect, it } from 'vitest';
import { findMotif } from './find-motif.ts';
import type { Pfm } from './pfm.ts';

const motif = (id: string, name: string): Pfm => ({ id, name, counts: [[1, 0, 0, 0]] });

describe('findMotif', () => {
  it('finds a bundled matrix by ID with or without version, or by name, in any case', () => {
    expect(findMotif('MA0139.2')?.name).toBe('CTCF');
    expect(findMotif('MA0139')?.name).toBe('CTCF');
    expect(findMotif('ma0139')?.name).toBe('CTCF');
    expect(findMotif('CTCF')?.id).toBe('MA0139.2');
    expect(findMotif('spi1')?.id).toBe('MA0080.7');
    expect(findMotif(' TP53 ')?.id).toBe('MA0106.3');
  });

  it('returns undefined when nothing matches', () => {
    expect(findMotif('MA0139.1')).toBeUndefined();
    expect(findMotif('NOPE')).toBeUndefined();
    expect(findMotif('')).toBeUndefined();
  });

  it('picks the highest version for a bare ID and the first match for a name', () => {
    const motifs = [motif('MA1.2', 'X'), motif('MA1.10', 'X'), motif('MA1.3', 'Y')];
    expect(findMotif('MA1', motifs)?.id).toBe('MA1.10');
    expect(findMotif('MA1.2', motifs)?.id).toBe('MA1.2');
    expect(findMotif('x', motifs)?.id).toBe('MA1.2');
  });
});
