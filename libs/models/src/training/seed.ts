/**
 * Strand's own seeded randomness for training: deriving independent seeds from one run seed,
 * and a small PRNG for splits and shuffles. Kept local (not @strand/genomics' generator) so
 * the shuffles a stored run was trained with never change when another library evolves.
 */

/** A 32-bit avalanche mix (the finaliser of MurmurHash3, Appleby). */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seed in [1, 2^31 − 1] derived from a run seed and a list of salts (names or numbers).
 * Never 0: TF.js treats a 0 seed in some of its random generators as "unseeded".
 */
export function deriveSeed(seed: number, ...salts: (string | number)[]): number {
  let h = mix32(Math.trunc(seed) ^ 0x9e3779b9);
  for (const salt of salts) {
    const text = String(salt);
    for (let i = 0; i < text.length; i++) h = mix32(h ^ text.charCodeAt(i));
    h = mix32(h ^ 0x2f);
  }
  return (h % 0x7ffffffe) + 1;
}

/** A seeded generator of floats in [0, 1): mulberry32 (Tommy Ettinger, public domain). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place, driven by `random`. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  items: T,
  random: () => number,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as number;
    items[i] = items[j] as number;
    items[j] = tmp;
  }
  return items;
}
