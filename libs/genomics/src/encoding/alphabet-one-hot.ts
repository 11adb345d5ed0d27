import { GenomicsError } from '../errors/genomics-error.ts';

/** RNA alphabet in the order of its one-hot columns. */
export const RNA_ALPHABET = 'ACGU';

/**
 * The 20 standard amino acids in the order of their one-hot columns: alphabetical by one-letter
 * code (IUPAC-IUB), the order most protein models (e.g. UniRep, DeepSF) use.
 */
export const PROTEIN_ALPHABET = 'ACDEFGHIKLMNPQRSTVWY';

/** Row weights per char code, both cases: the alphabet's letters, and `wildcard` → uniform. */
function table(alphabet: string, wildcard: string): Float32Array[] {
  const rows: Float32Array[] = [];
  const width = alphabet.length;
  [...alphabet].forEach((letter, i) => {
    const row = new Float32Array(width);
    row[i] = 1;
    rows[letter.charCodeAt(0)] = rows[letter.toLowerCase().charCodeAt(0)] = row;
  });
  const uniform = new Float32Array(width).fill(1 / width);
  rows[wildcard.charCodeAt(0)] = rows[wildcard.toLowerCase().charCodeAt(0)] = uniform;
  return rows;
}

function encoder(name: string, alphabet: string, wildcard: string) {
  const rows = table(alphabet, wildcard);
  return (seq: string): Float32Array => {
    const out = new Float32Array(seq.length * alphabet.length);
    for (let i = 0; i < seq.length; i++) {
      const row = rows[seq.charCodeAt(i)];
      if (row === undefined) {
        throw new GenomicsError(
          'INVALID_RESIDUE',
          `invalid ${name} residue ${JSON.stringify(seq.charAt(i))} at position ${i}`,
        );
      }
      out.set(row, i * alphabet.length);
    }
    return out;
  };
}

/**
 * One-hot encodes RNA as seq.length rows of 4 (A, C, G, U); N is a uniform row, case ignored.
 * @example oneHotEncodeRna('AU') // [1, 0, 0, 0, 0, 0, 0, 1]
 */
export const oneHotEncodeRna: (seq: string) => Float32Array = encoder('RNA', RNA_ALPHABET, 'N');

/** One-hot encodes a protein as seq.length rows of 20 (PROTEIN_ALPHABET); X is a uniform row. */
export const oneHotEncodeProtein: (seq: string) => Float32Array = encoder(
  'protein',
  PROTEIN_ALPHABET,
  'X',
);
