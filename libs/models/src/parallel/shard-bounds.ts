/** Splits [start, end) into `parts` contiguous shards whose sizes differ by at most one. */
export function shardBounds(start: number, end: number, parts: number): [number, number][] {
  const n = end - start;
  const bounds: [number, number][] = [];
  let from = start;
  for (let k = 0; k < parts; k++) {
    const size = Math.floor(n / parts) + (k < n % parts ? 1 : 0);
    bounds.push([from, from + size]);
    from += size;
  }
  return bounds;
}
