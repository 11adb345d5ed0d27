/**
 * The IDs a reader has seen, to refuse one that appears twice, in 8 bytes per slot rather than a
 * JS string in a Set (~50 bytes an ID: 100 MB at 2 M records, the import's whole growth). An ID
 * is kept as a 64-bit fingerprint (two independent 32-bit FNV-1a hashes) in an open-addressing
 * table of typed arrays, at most half full. Two different IDs share a fingerprint with
 * probability about n² / 2⁶⁵ (1e-7 at 2 M IDs): then the second is reported as a repeat.
 */
export class IdSet {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `id`; false when it was there already. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 >>>= 0;
    h2 >>>= 0;
    if (h1 === 0 && h2 === 0) h2 = 1; // (0, 0) marks an empty slot
    if (this.insert(h1, h2)) {
      this.count++;
      if (this.count * 2 > this.hi.length) this.grow();
      return true;
    }
    return false;
  }

  private insert(h1: number, h2: number): boolean {
    const mask = this.hi.length - 1;
    for (let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const a = this.hi[slot];
      const b = this.lo[slot];
      if (a === 0 && b === 0) {
        this.hi[slot] = h1;
        this.lo[slot] = h2;
        return true;
      }
      if (a === h1 && b === h2) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i], lo[i]);
    }
  }
}
