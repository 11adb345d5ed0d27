import { readFile } from 'node:fs/promises';
import { FormatError } from '../../errors/format-error.ts';
import type { Pfm } from '../../motifs/pfm.ts';
import { DNA_ALPHABET } from '../../sequence/alphabet.ts';

/** A matrix being read: its header line and the rows seen so far, by base. */
interface Pending {
  id: string;
  name: string;
  line: number;
  rows: Map<string, { counts: number[]; line: number }>;
}

// Non-negative decimal, as JASPAR writes counts (some collections use fractional ones).
const COUNT = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Shows at most 30 characters of a line in an error message. */
const excerpt = (text: string) => JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);

function parseRow(text: string, source: string, line: number): { base: string; counts: number[] } {
  const base = text[0].toUpperCase();
  const after = text[1] ?? '';
  if (!DNA_ALPHABET.includes(base) || !(after === '[' || /\s/.test(after))) {
    throw new FormatError(
      source,
      line,
      `expected a matrix row "A [ ... ]" or a header, got ${excerpt(text)}`,
    );
  }
  let body = text.slice(1).trim();
  const open = body.startsWith('[');
  const close = body.endsWith(']');
  if (open !== close) {
    throw new FormatError(
      source,
      line,
      `row "${base}" has ${open ? 'no closing "]"' : 'a "]" without "["'}`,
    );
  }
  if (open) body = body.slice(1, -1).trim();
  if (body === '') throw new FormatError(source, line, `row "${base}" has no counts`);
  const counts = body.split(/\s+/).map((token, i) => {
    if (!COUNT.test(token)) {
      throw new FormatError(
        source,
        line,
        `count ${excerpt(token)} (column ${i + 1} of row "${base}") is not a non-negative number`,
      );
    }
    return Number(token);
  });
  return { base, counts };
}

/** Checks a matrix has all four rows and turns them into a width × 4 Pfm. */
function finish(m: Pending, source: string): Pfm {
  const rows = [...DNA_ALPHABET].map((base) => {
    const row = m.rows.get(base);
    if (!row) throw new FormatError(source, m.line, `matrix ${m.id} has no "${base}" row`);
    return row.counts;
  });
  const counts = rows[0].map((_, i) => rows.map((row) => row[i]));
  return { id: m.id, name: m.name, counts };
}

/**
 * Parses JASPAR-format matrices: a `>ID NAME` header, then rows `A [ 4 19 0 ... ]` for A, C, G
 * and T in any order (brackets optional). A header without a name takes the ID as its name.
 * Errors are FormatErrors at `source:line`.
 */
export function parseJaspar(text: string, source = 'jaspar'): Pfm[] {
  const motifs: Pfm[] = [];
  let pending: Pending | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('>')) {
      if (pending) motifs.push(finish(pending, source));
      const [id = '', ...rest] = trimmed.slice(1).trim().split(/\s+/);
      if (id === '') throw new FormatError(source, line, 'header has no matrix ID');
      pending = { id, name: rest.join(' ') || id, line, rows: new Map() };
      return;
    }
    const { base, counts } = parseRow(trimmed, source, line);
    if (!pending) {
      throw new FormatError(source, line, `row "${base}" comes before any ">ID NAME" header`);
    }
    if (pending.rows.has(base)) {
      throw new FormatError(source, line, `matrix ${pending.id} has a second "${base}" row`);
    }
    for (const [other, row] of pending.rows) {
      if (row.counts.length !== counts.length) {
        throw new FormatError(
          source,
          line,
          `row "${base}" has ${counts.length} counts, row "${other}" (line ${row.line}) has ${row.counts.length}`,
        );
      }
    }
    pending.rows.set(base, { counts, line });
  });
  if (pending) motifs.push(finish(pending, source));
  return motifs;
}

/** Reads and parses a JASPAR file; errors name the path as given. */
export async function readJasparFile(path: string): Promise<Pfm[]> {
  return parseJaspar(await readFile(path, 'utf8'), path);
}
