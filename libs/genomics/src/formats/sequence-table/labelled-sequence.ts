/** A sequence with its class or target value. */
export interface LabelledSequence {
  id: string;
  /** A number when the label reads as one (`1`, `0.5`), else the text (`promoter`). */
  label: string | number;
  sequence: string;
  /** Line of the row (table) or header (FASTA). */
  line: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** IUPAC nucleotide codes, any case. */
export const SEQUENCE = /^[ACGTUNRYSWKMBDHVacgtunryswkmbdhv]+$/;

/** Reads a label as a number when it is one. */
export function parseLabel(text: string): string | number {
  return NUMBER.test(text) ? Number(text) : text;
}

/** Why a sequence is invalid, or undefined. */
export function sequenceProblem(id: string, sequence: string): string | undefined {
  if (sequence === '') return `sequence ${id} is empty`;
  if (SEQUENCE.test(sequence)) return undefined;
  const bad = sequence.search(/[^ACGTUNRYSWKMBDHVacgtunryswkmbdhv]/);
  return `sequence ${id} has an invalid base ${JSON.stringify(sequence[bad])} at position ${bad + 1}`;
}
