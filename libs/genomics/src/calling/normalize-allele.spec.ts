import { describe, expect, it } from 'vitest';
import { normalizeAllele } from './normalize-allele.ts';

const refOf = (seq: string) => (i: number) => seq[i] ?? 'N';

describe('normalizeAllele', () => {
  // 0-based:        0123456789
  const reference = 'GGCACACATG';

  it('moves a deletion in a CA repeat to its leftmost place', () => {
    // Deleting the CA at 6–7 (anchor A at 5) is the same as deleting the CA at 2–3 (anchor G at 1).
    expect(normalizeAllele({ pos0: 5, ref: 'ACA', alt: 'A' }, refOf(reference))).toEqual({
      pos0: 1,
      ref: 'GCA',
      alt: 'G',
    });
  });

  it('moves an insertion left and keeps one anchor base', () => {
    expect(normalizeAllele({ pos0: 7, ref: 'A', alt: 'ACA' }, refOf(reference))).toEqual({
      pos0: 1,
      ref: 'G',
      alt: 'GCA',
    });
  });

  it('trims shared bases off an SNV written with context', () => {
    expect(normalizeAllele({ pos0: 2, ref: 'CAC', alt: 'CTC' }, refOf(reference))).toEqual({
      pos0: 3,
      ref: 'A',
      alt: 'T',
    });
  });

  it('leaves a normalised SNV alone', () => {
    const snv = { pos0: 4, ref: 'C', alt: 'T' };
    expect(normalizeAllele(snv, refOf(reference))).toEqual(snv);
  });
});
