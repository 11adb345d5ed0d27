import { GenomicsError } from '../errors/genomics-error.ts';
import { DNA_ALPHABET, IUPAC_BASES, invalidBaseError } from '../sequence/alphabet.ts';

/**
 * Rows of the one-hot table, indexed by char code * 4: an IUPAC code spreads its weight evenly
 * over the bases it stands for (N → 0.25 each, R → 0.5 A + 0.5 G, B → 1/3 C, G, T), lowercase
 * (soft-masked) is read as uppercase. A lookup per character, with no branch on the letter and
 * no allocation, keeps encoding of millions of bases cheap.
 */
const WEIGHTS = new Float32Array(256 * 4);
/** 1 where the char code is a valid IUPAC nucleotide code. */
const VALID = new Uint8Array(256);

for (const [code, bases] of Object.entries(IUPAC_BASES)) {
  for (const letter of [code, code.toLowerCase()]) {
    const c = letter.charCodeAt(0);
    VALID[c] = 1;
    for (const base of bases) WEIGHTS[c * 4 + DNA_ALPHABET.indexOf(base)] = 1 / bases.length;
  }
}

/** Writes seq's rows at out[offset...]; `where` names the sequence in error messages. */
function writeOneHot(seq: string, out: Float32Array, offset: number, where: string): void {
  let o = offset;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    if (c > 255 || VALID[c] === 0) throw invalidBaseError(seq, i, where);
    const w = c << 2;
    out[o] = WEIGHTS[w];
    out[o + 1] = WEIGHTS[w + 1];
    out[o + 2] = WEIGHTS[w + 2];
    out[o + 3] = WEIGHTS[w + 3];
    o += 4;
  }
}

/**
 * Writes the rows of the bases in bytes [from, to) at out[offset...], skipping line ends (`\n`,
 * `\r`) so a FASTA region can be encoded from the file's bytes without a string copy. Returns the
 * number of rows written, or `-1 - k` when the k-th base is not an IUPAC code (nothing is thrown,
 * so the caller names the place). The caller checks that `out` has room.
 */
export function oneHotEncodeBytes(
  bytes: Uint8Array,
  from: number,
  to: number,
  out: Float32Array,
  offset: number,
): number {
  let o = offset;
  let rows = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === 10 || c === 13) continue;
    if (VALID[c] === 0) return -1 - rows;
    const w = c << 2;
    out[o] = WEIGHTS[w];
    out[o + 1] = WEIGHTS[w + 1];
    out[o + 2] = WEIGHTS[w + 2];
    out[o + 3] = WEIGHTS[w + 3];
    o += 4;
    rows++;
  }
  return rows;
}

/**
 * One-hot encodes a DNA sequence as seq.length rows of 4 floats (A, C, G, T), written into `out`
 * from `offset` (a new array when `out` is omitted). Ambiguity codes give fractional rows.
 * @example oneHotEncode('AN') // Float32Array [1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25]
 */
export function oneHotEncode(seq: string, out?: Float32Array, offset = 0): Float32Array {
  const size = seq.length * 4;
  const target = out ?? new Float32Array(size);
  if (!Number.isInteger(offset) || offset < 0 || offset + size > target.length) {
    throw new GenomicsError(
      'INVALID_ARGUMENT',
      `offset ${offset} leaves no room for ${size} floats in an array of ${target.length}`,
    );
  }
  writeOneHot(seq, target, offset, '');
  return target;
}

/**
 * One-hot encodes sequences into one [seqs.length, length, 4] array; shorter sequences are padded
 * with all-zero rows at the end, longer ones are an error.
 */
export function oneHotEncodeBatch(seqs: readonly string[], length: number): Float32Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new GenomicsError('INVALID_ARGUMENT', `length must be an integer ≥ 0, got ${length}`);
  }
  const out = new Float32Array(seqs.length * length * 4);
  seqs.forEach((seq, index) => {
    if (seq.length > length) {
      throw new GenomicsError(
        'SEQUENCE_TOO_LONG',
        `sequence ${index} has length ${seq.length}, longer than ${length}`,
      );
    }
    writeOneHot(seq, out, index * length * 4, ` of sequence ${index}`);
  });
  return out;
}
