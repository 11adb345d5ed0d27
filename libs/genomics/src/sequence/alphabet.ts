import { GenomicsError } from '../errors/genomics-error.ts';

/** DNA alphabet in the order of one-hot columns and PFM rows. */
export const DNA_ALPHABET = 'ACGT';

/**
 * The bases each IUPAC nucleotide code stands for (NC-IUB 1984). U is read as T. One-hot
 * encoding and reverse complement both derive their tables from this one map.
 */
export const IUPAC_BASES: Readonly<Record<string, string>> = {
  A: 'A',
  C: 'C',
  G: 'G',
  T: 'T',
  U: 'T',
  R: 'AG',
  Y: 'CT',
  S: 'CG',
  W: 'AT',
  K: 'GT',
  M: 'AC',
  B: 'CGT',
  D: 'AGT',
  H: 'ACT',
  V: 'ACG',
  N: 'ACGT',
};

/** The error for a character that is not an IUPAC nucleotide code; `where` adds context. */
export function invalidBaseError(seq: string, position: number, where = ''): GenomicsError {
  return new GenomicsError(
    'INVALID_BASE',
    `invalid base ${JSON.stringify(seq.charAt(position))} at position ${position}${where}`,
  );
}
