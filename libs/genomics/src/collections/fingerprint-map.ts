/**
 * Strings seen while streaming a file (record IDs, variant keys), each with a small number (its
 * line), in 12 bytes a slot rather than a JS string in a Set or Map (~50–100 bytes an entry:
 * 100 MB and more at 2 M records, the whole growth of an import or a pre-flight). A key is kept
 * as a 64-bit fingerprint (two independent 32-bit hashes) in an open-addressing table of typed
 * arrays, at most half full. Two different keys share a fingerprint with probability about
 * n² / 2⁶⁵ (1e-7 at 2 M keys): the second is then taken for a repeat of the first.
 */
export class FingerprintMap {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Uint32Array;
  private count = 0;

  /** `capacity`: keys it holds before it first grows (default 2,048). */
  constructor(capacity = 1 << 11) {
    let slots = 1 << 12;
    while (slots < capacity * 2) slots *= 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.values = new Uint32Array(slots);
  }

  /** Forgets every key; the memory is kept for the next. */
  clear(): void {
    this.hi.fill(0);
    this.lo.fill(0);
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Keeps `key` with `value` (an unsigned 32-bit number, e.g. a line) unless it is there already:
   * undefined when it was new, else the value it was first kept with.
   */
  put(key: string, value = 0): number | undefined {
    fingerprint(key);
    return this.putFingerprint(FINGERPRINT[0], FINGERPRINT[1], value);
  }

  /** As put, for a key's fingerprint (see fingerprint). */
  putFingerprint(h1: number, h2: number, value = 0): number | undefined {
    const slot = this.slot(h1, h2);
    if (this.hi[slot] !== 0 || this.lo[slot] !== 0) return this.values[slot];
    this.hi[slot] = h1;
    this.lo[slot] = h2;
    this.values[slot] = value;
    if (++this.count * 2 > this.hi.length) this.grow();
    return undefined;
  }

  /** The value kept with a fingerprint, or undefined when it is not there. */
  get(h1: number, h2: number): number | undefined {
    const slot = this.slot(h1, h2);
    return this.hi[slot] !== 0 || this.lo[slot] !== 0 ? this.values[slot] : undefined;
  }

  /** The slot holding (h1, h2), or the empty one where it goes. */
  private slot(h1: number, h2: number): number {
    const mask = this.hi.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      const a = this.hi[slot];
      const b = this.lo[slot];
      if ((a === 0 && b === 0) || (a === h1 && b === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, values } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.values = new Uint32Array(values.length * 2);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0 && lo[i] === 0) continue;
      const slot = this.slot(hi[i], lo[i]);
      this.hi[slot] = hi[i];
      this.lo[slot] = lo[i];
      this.values[slot] = values[i];
    }
  }
}

/** Where fingerprint() leaves a key's two 32-bit hashes (no array per key). */
export const FINGERPRINT = new Uint32Array(2);

/**
 * A key's 64-bit fingerprint as two independent 32-bit hashes, into FINGERPRINT; never (0, 0),
 * which marks an empty slot.
 */
export function fingerprint(key: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 >>>= 0;
  h2 >>>= 0;
  if (h1 === 0 && h2 === 0) h2 = 1;
  FINGERPRINT[0] = h1;
  FINGERPRINT[1] = h2;
}
