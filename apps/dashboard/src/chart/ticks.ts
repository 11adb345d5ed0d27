// Tick values at "nice" steps (1, 2 or 5 × 10^k). Ported from d3-array's `ticks` / `tickSpec`
// (ISC licence, Mike Bostock): for steps below 1 it counts in integer multiples of 1/step and
// divides at the end, which keeps ticks exact (0.3, not 0.30000000000000004).

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

/** [first index, last index, increment]; a negative increment means "divide by -inc". */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` nice tick values within [start, stop] (start ≤ stop), ascending. */
export function niceTicks(start: number, stop: number, count = 5): number[] {
  if (!(count > 0) || !Number.isFinite(start) || !Number.isFinite(stop)) return [];
  if (start === stop) return [start];
  if (start > stop) return [];
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const ticks: number[] = [];
  for (let i = i1; i <= i2; i++) ticks.push(inc < 0 ? i / -inc : i * inc);
  return ticks;
}

/** The step between the ticks `niceTicks` gives for the same arguments (1 when degenerate). */
export function tickStep(start: number, stop: number, count = 5): number {
  if (!(count > 0) || !Number.isFinite(start) || !Number.isFinite(stop) || start === stop) {
    return 1;
  }
  const [, , inc] = tickSpec(start, stop, count);
  return inc < 0 ? 1 / -inc : inc;
}

/** Whole-number ticks only (epochs): nice ticks with fractional ones dropped. */
export function integerTicks(start: number, stop: number, count = 5): number[] {
  return niceTicks(start, stop, count).filter((t) => Number.isInteger(t));
}

/** Widen [start, stop] outwards to the nearest nice steps, as d3's `scale.nice()` does. */
export function niceDomain(start: number, stop: number, count = 5): [number, number] {
  if (!Number.isFinite(start) || !Number.isFinite(stop) || start === stop) return [start, stop];
  const [, , inc] = tickSpec(start, stop, count);
  return inc < 0
    ? [Math.floor(start * -inc) / -inc, Math.ceil(stop * -inc) / -inc]
    : [Math.floor(start / inc) * inc, Math.ceil(stop / inc) * inc];
}
