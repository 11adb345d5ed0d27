// Checks of BED columns 4-12 (UCSC BED spec) and of the narrowPeak columns 7-10 (ENCODE).
// Each returns why a value is invalid, or undefined.

type Problem = string | undefined;

const INT = /^\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const quote = (v: string) => JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);

function intList(value: string, count: number, what: string): number[] | { reason: string } {
  const items = value.replace(/,$/, '').split(',');
  if (items.length !== count || items.some((x) => !INT.test(x))) {
    return { reason: `${what} ${quote(value)} is not ${count} comma-separated integers` };
  }
  return items.map(Number);
}

/** Checks the optional BED columns present in `c` (0-based: 4 score … 11 blockStarts). */
export function bedColumnsProblem(c: string[], start: number, end: number): Problem {
  if (c.length > 4 && c[4] !== '.' && !NUMBER.test(c[4]))
    return `score ${quote(c[4])} is not a number`;
  if (c.length > 5 && !['+', '-', '.'].includes(c[5]))
    return `strand ${quote(c[5])} is not +, - or .`;
  for (const i of [6, 7]) {
    if (c.length > i && (!INT.test(c[i]) || Number(c[i]) < start || Number(c[i]) > end)) {
      return `${i === 6 ? 'thickStart' : 'thickEnd'} ${quote(c[i])} is not an integer within ${start}-${end}`;
    }
  }
  if (c.length > 8 && c[8] !== '0' && !/^\d{1,3},\d{1,3},\d{1,3}$/.test(c[8])) {
    return `itemRgb ${quote(c[8])} is not 0 or R,G,B`;
  }
  if (c.length > 9) {
    if (c.length < 12) return `blockCount needs blockSizes and blockStarts (columns 11 and 12)`;
    if (!INT.test(c[9]) || Number(c[9]) < 1)
      return `blockCount ${quote(c[9])} is not a positive integer`;
    const count = Number(c[9]);
    const sizes = intList(c[10], count, 'blockSizes');
    if (!Array.isArray(sizes)) return sizes.reason;
    const starts = intList(c[11], count, 'blockStarts');
    if (!Array.isArray(starts)) return starts.reason;
    if (starts[0] !== 0 || starts[count - 1] + sizes[count - 1] !== end - start) {
      return 'blocks must start at 0 and the last must end at chromEnd';
    }
  }
  return undefined;
}

/** Checks narrowPeak columns 7-10: signalValue, pValue, qValue (numbers, -1 if unknown), peak. */
export function narrowPeakProblem(c: string[], start: number, end: number): Problem {
  const names = ['signalValue', 'pValue', 'qValue'];
  for (const [k, name] of names.entries()) {
    if (!NUMBER.test(c[6 + k])) return `${name} ${quote(c[6 + k])} is not a number`;
  }
  const peak = c[9];
  if (peak !== '-1' && (!INT.test(peak) || Number(peak) >= Math.max(end - start, 1))) {
    return `peak ${quote(peak)} is not -1 or an offset within the region (0-${end - start - 1})`;
  }
  return undefined;
}
