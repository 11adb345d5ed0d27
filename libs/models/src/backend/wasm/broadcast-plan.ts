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

/** One wasm pass over `count` rows of `n` outputs (see simd-functions.ts: equal_vv, add_vs…). */
export type BroadcastPass = (
  a: number,
  b: number,
  out: number,
  n: number,
  count: number,
  aStepBytes: number,
  bStepBytes: number,
) => void;

/**
 * Runs a symmetric binary op (a ⊙ b = b ⊙ a) over a plan: float32 operands at heap byte offsets
 * `pa` and `pb`, outputs of `outBytes` bytes each from `po`. The wasm pass covers the two inner
 * merged dimensions (`vs` when one operand is broadcast along the innermost one, swapped to be
 * the second); an odometer walks the outer ones.
 */
export function runBroadcast(
  plan: BroadcastPlan,
  pa: number,
  pb: number,
  po: number,
  outBytes: number,
  passes: { vv: BroadcastPass; vs: BroadcastPass },
): void {
  let [a, b, aStrides, bStrides] = [pa, pb, plan.aStrides, plan.bStrides];
  if (aStrides.at(-1) === 0) [a, b, aStrides, bStrides] = [b, a, bStrides, aStrides];
  const pass = bStrides.at(-1) === 0 ? passes.vs : passes.vv;
  const rank = plan.shape.length;
  const n = plan.shape[rank - 1] as number;
  const count = rank > 1 ? (plan.shape[rank - 2] as number) : 1;
  const aStep = rank > 1 ? (aStrides[rank - 2] as number) * 4 : 0;
  const bStep = rank > 1 ? (bStrides[rank - 2] as number) * 4 : 0;
  const outer = plan.shape.slice(0, -2);
  const index = outer.map(() => 0);
  const total = outer.reduce((p, d) => p * d, 1);
  let out = po;
  for (let k = 0; k < total; k++) {
    pass(a, b, out, n, count, aStep, bStep);
    out += n * count * outBytes;
    for (let d = outer.length - 1; d >= 0; d--) {
      const extent = outer[d] as number;
      a += (aStrides[d] as number) * 4;
      b += (bStrides[d] as number) * 4;
      const next = (index[d] as number) + 1;
      index[d] = next;
      if (next < extent) break;
      a -= (aStrides[d] as number) * 4 * extent;
      b -= (bStrides[d] as number) * 4 * extent;
      index[d] = 0;
    }
  }
}
