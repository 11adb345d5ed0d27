// Reads BED lines straight from bytes for the batch iterator. Map: byte constants; `scanNumber`
// (the number grammar of BED scores and labels, on bytes); `BedLineScanner` (fast path for
// BED3-BED6 lines, everything else through `parseBedLine`).
import type { BedOptions, BedLineState } from './bed-reader.ts';
import { bedLabelIndex, parseBedLine } from './bed-reader.ts';

const TAB = 9;
const CR = 13;
const HASH = 35;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** Digits a double holds exactly (< 2^53): longer numbers take the string path. */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

/** What the label column of the last line held. */
export type ScannedLabel = 'none' | 'number' | 'text';

/**
 * Parses BED data lines from a byte buffer without making strings, arrays or objects per line,
 * so that streaming millions of regions allocates next to nothing (V8 then never grows its young
 * generation mid-run, which showed as +20 MB of RSS at a million regions).
 *
 * The fast path takes the lines regions usually come as: 3 to 6 columns, ASCII, integer
 * coordinates of up to 15 digits, a score and label that are plain decimals. Every other line —
 * comments aside — is decoded and handed to {@link parseBedLine}, the very code readBed runs, so
 * both accept the same lines, compute the same values and throw the same `file:line: reason`.
 * The fast path only ever accepts lines that path would accept.
 */
export class BedLineScanner {
  /** Chromosome of the last data line: bytes [chromFrom, chromTo) of the buffer, or `chromText`. */
  chromFrom = 0;
  chromTo = 0;
  /** Set when the line went through the string path; undefined on the fast path. */
  chromText: string | undefined = undefined;
  start = 0;
  end = 0;
  labelKind: ScannedLabel = 'none';
  /** The label when `labelKind` is `number`. */
  labelValue = 0;
  /** The label when `labelKind` is `text`. */
  labelText = '';
  private readonly state: BedLineState = {};
  private readonly labelAt: number | undefined;
  private readonly tabs = new Int32Array(6);

  constructor(
    private readonly source: string,
    private readonly options: Pick<BedOptions, 'labelColumn'> = {},
  ) {
    this.labelAt = bedLabelIndex(options.labelColumn);
  }

  /**
   * Reads line `line` (bytes [from, to) of `bytes`, without its line end): false for a line
   * readBed skips, true for a region (fields above), a FormatError for an invalid line.
   */
  scan(bytes: Uint8Array, from: number, to: number, line: number): boolean {
    if (to > from && bytes[to - 1] === CR) to--;
    if (to > from && bytes[from] === HASH) return false;
    return this.fast(bytes, from, to) || this.slow(bytes, from, to, line);
  }

  private fast(b: Uint8Array, from: number, to: number): boolean {
    // Column boundaries (tabs[k] ends column k): at most 6 columns, all ASCII.
    const tabs = this.tabs;
    let columns = 1;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c >= 0x80) return false;
      if (c !== TAB) continue;
      if (columns === 6) return false;
      tabs[columns - 1] = i;
      columns++;
    }
    tabs[columns - 1] = to;
    if (columns < 3 || (this.state.width !== undefined && columns !== this.state.width)) {
      return false;
    }
    // An empty chromosome, and `track …` / `browser …` lines, are left to the string path.
    if (
      tabs[0] === from ||
      startsWithWord(b, from, to, TRACK) ||
      startsWithWord(b, from, to, BROWSER)
    ) {
      return false;
    }
    const start = unsignedInteger(b, tabs[0] + 1, tabs[1]);
    const end = unsignedInteger(b, tabs[1] + 1, tabs[2]);
    if (start < 0 || end < 0 || start > end) return false;
    if (columns > 4) {
      const dot = tabs[4] === tabs[3] + 2 && b[tabs[3] + 1] === DOT;
      if (!dot && Number.isNaN(scanNumber(b, tabs[3] + 1, tabs[4]))) return false;
    }
    if (columns > 5 && !(tabs[5] === tabs[4] + 2 && isStrand(b[tabs[4] + 1]))) return false;
    let labelValue = 0;
    const at = this.labelAt;
    if (at !== undefined) {
      if (at >= columns) return false;
      labelValue = scanNumber(b, at === 0 ? from : tabs[at - 1] + 1, tabs[at]);
      // A text label (or a number beyond the fast grammar) takes the string path.
      if (Number.isNaN(labelValue)) return false;
    }
    this.state.width = columns;
    this.chromFrom = from;
    this.chromTo = tabs[0];
    this.chromText = undefined;
    this.start = start;
    this.end = end;
    this.labelKind = at === undefined ? 'none' : 'number';
    this.labelValue = labelValue;
    return true;
  }

  private slow(b: Uint8Array, from: number, to: number, line: number): boolean {
    const text = Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('utf8');
    const record = parseBedLine(text, line, this.state, this.options, this.labelAt, this.source);
    if (record === undefined) return false;
    this.chromText = record.chrom;
    this.start = record.start;
    this.end = record.end;
    if (record.label === undefined) this.labelKind = 'none';
    else if (typeof record.label === 'number') {
      this.labelKind = 'number';
      this.labelValue = record.label;
    } else {
      this.labelKind = 'text';
      this.labelText = record.label;
    }
    return true;
  }

  /** The chromosome of the last region as written (decoded only when asked). */
  chromName(bytes: Uint8Array): string {
    return (
      this.chromText ??
      Buffer.from(
        bytes.buffer,
        bytes.byteOffset + this.chromFrom,
        this.chromTo - this.chromFrom,
      ).toString('utf8')
    );
  }
}

const isStrand = (c: number) => c === PLUS || c === MINUS || c === DOT;

const TRACK = Buffer.from('track');
const BROWSER = Buffer.from('browser');

/** Whether the line starts with `word` followed by whitespace or its end (readBed's SKIP). */
function startsWithWord(b: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from < word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[from + k] !== word[k]) return false;
  const next = from + word.length;
  return next === to || b[next] === 32 || (b[next] >= TAB && b[next] <= CR);
}

/** The value of bytes [from, to) as digits only (at most 15), or -1. */
function unsignedInteger(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > EXACT_DIGITS) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The value of bytes [from, to) when they are `[+-]?digits[.digits]` with at most 15 digits in
 * all — a subset of readBed's number grammar — else NaN. An integer of up to 15 digits divided
 * by a power of ten up to 10^15 is exact on both sides, so the one IEEE division is correctly
 * rounded and equals `Number(text)` (Clinger's fast path, "How to read floating point numbers
 * accurately", 1990).
 */
export function scanNumber(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let sign = 1;
  if (i < to && (b[i] === PLUS || b[i] === MINUS)) {
    if (b[i] === MINUS) sign = -1;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < to; i++) {
    const c = b[i];
    if (c === DOT && fraction === -1 && digits > 0) {
      fraction = 0;
      continue;
    }
    if (c < ZERO || c > NINE) return Number.NaN;
    mantissa = mantissa * 10 + (c - ZERO);
    digits++;
    if (fraction !== -1) fraction++;
  }
  if (digits === 0 || digits > EXACT_DIGITS) return Number.NaN;
  return (sign * mantissa) / POWERS_OF_TEN[fraction === -1 ? 0 : fraction];
}
