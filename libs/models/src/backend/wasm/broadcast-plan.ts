/**
 * How to walk two broadcast operands alongside their output: dimensions of size 1 are dropped and
 * neighbours that broadcast the same way are merged, so the inner loop runs as long as it can.
 */
export interface BroadcastPlan {
  /** Output extent of each merged dimension, outermost first. */
  readonly shape: readonly number[];
  /** Element stride of each operand in each merged dimension (0 where it broadcasts). */
  readonly aStrides: readonly number[];
  readonly bStrides: readonly number[];
}

/** Plans `a ⊙ b` for shapes that broadcast (numpy rules; callers check compatibility first). */
export function planBroadcast(aShape: readonly number[], bShape: readonly number[]): BroadcastPlan {
  const rank = Math.max(aShape.length, bShape.length);
  const a = [...Array<number>(rank - aShape.length).fill(1), ...aShape];
  const b = [...Array<number>(rank - bShape.length).fill(1), ...bShape];
  const dims: { n: number; aFull: boolean; bFull: boolean }[] = [];
  for (let i = 0; i < rank; i++) {
    const n = Math.max(a[i], b[i]);
    if (n === 1) continue;
    const aFull = a[i] === n;
    const bFull = b[i] === n;
    const last = dims.at(-1);
    if (last !== undefined && last.aFull === aFull && last.bFull === bFull) last.n *= n;
    else dims.push({ n, aFull, bFull });
  }
  if (dims.length === 0) dims.push({ n: 1, aFull: true, bFull: true });
  const aStrides = new Array<number>(dims.length);
  const bStrides = new Array<number>(dims.length);
  let aStride = 1;
  let bStride = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i];
    aStrides[i] = d.aFull ? aStride : 0;
    bStrides[i] = d.bFull ? bStride : 0;
    if (d.aFull) aStride *= d.n;
    if (d.bFull) bStride *= d.n;
  }
  return { shape: dims.map((d) => d.n), aStrides, bStrides };
}
