import { DNA_ALPHABET, IUPAC_BASES, invalidBaseError } from './alphabet.ts';

const COMPLEMENT_BASE: Readonly<Record<string, string>> = { A: 'T', C: 'G', G: 'C', T: 'A' };

/**
 * Complement char code by char code (0 = not a nucleotide code). Derived from IUPAC_BASES: the
 * complement of a code is the code for the complemented set of bases, so R (A/G) ↔ Y (C/T),
 * K ↔ M, B ↔ V, D ↔ H, and S, W, N map to themselves. U complements to A.
 */
const COMPLEMENT = new Uint8Array(256);
const codeOfBases = new Map(
  Object.entries(IUPAC_BASES)
    .filter(([code]) => code !== 'U')
    .map(([code, bases]) => [bases, code]),
);
for (const [code, bases] of Object.entries(IUPAC_BASES)) {
  const complemented = [...bases].map((b) => COMPLEMENT_BASE[b]);
  const key = [...DNA_ALPHABET].filter((b) => complemented.includes(b)).join('');
  const complement = codeOfBases.get(key) ?? '';
  COMPLEMENT[code.charCodeAt(0)] = complement.charCodeAt(0);
  COMPLEMENT[code.toLowerCase().charCodeAt(0)] = complement.toLowerCase().charCodeAt(0);
}

const decoder = new TextDecoder();

/**
 * Reverse complement of a DNA sequence, IUPAC-aware and case-preserving.
 * @example reverseComplement('AcgRN') // 'NYcgT'
 */
export function reverseComplement(seq: string): string {
  const n = seq.length;
  // Bytes then one decode: no per-character string concatenation on long sequences.
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = seq.charCodeAt(i);
    const complement = c > 255 ? 0 : COMPLEMENT[c];
    if (complement === 0) throw invalidBaseError(seq, i);
    out[n - 1 - i] = complement;
  }
  return decoder.decode(out);
}
