/**
 * Which keys (record IDs) a stream repeats, exactly, in bounded memory: a fixed map while
 * streaming, and at the end one partition's keys at a time (a 64th of the keys past the map).
 * The first `memoryKeys` keys are kept in a FingerprintMap (a repeat of one of them is told at
 * once); later keys are checked against those at once, and otherwise appended as
 * (fingerprint, line) to one of PARTITIONS files on disk by their fingerprint's top bits.
 * `finish()` then reads the files one at a time: a repeat among the later keys is told at the end,
 * with both lines. Why: a map of every key is ~24 bytes a key, doubling as it grows — 75 MB
 * at 2 M IDs, the whole growth of importing a large table; the disk holds 12 bytes a key, and the
 * check at the end ~0.4 MB a million keys.
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINGERPRINT, FingerprintMap, fingerprint } from './fingerprint-map.ts';

/** Files the later keys are spread over (by the top 6 bits of their fingerprint). */
const PARTITIONS = 64;
/** Keys a partition buffers before it is written: 12 bytes each, 48 KiB a partition. */
const BUFFERED = 4096;
/** Default of `memoryKeys`: a 6 MB map. */
export const MEMORY_KEYS = 1 << 18;

/** A repeat found by finish(): the line of the repeat and of the key's first appearance. */
/** The partition directories are `strand-keys-<pid>-XXXXXX` in the OS temp directory. */
const DIR_PREFIX = 'strand-keys-';

/** Whether process `pid` is alive (signal 0 checks without signalling; EPERM: alive, not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let swept = false;

/**
 * Removes the partition directories of processes that died mid-stream (a kill -9 during an
 * import), once per process, before its first spill: nothing else knows the OS temp directory.
 */
export function sweepDeadKeyDirs(dir = tmpdir()): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const match = /^strand-keys-(\d+)-/.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export interface RepeatedKey {
  line: number;
  firstLine: number;
}

export class SeenKeys {
  private readonly inMemory = new FingerprintMap();
  private dir: string | undefined;
  private files: number[] = [];
  private buffers: Uint32Array[] = [];
  private filled: number[] = [];
  /** Keys written to each partition. */
  private counts: number[] = [];
  private spilled = 0;

  constructor(private readonly memoryKeys = MEMORY_KEYS) {}

  /** Keys added. */
  get size(): number {
    return this.inMemory.size + this.spilled;
  }

  /**
   * Adds `key`, first seen on `line`: the line it was first seen on when that is known now to be
   * a repeat, else undefined (a repeat among keys past `memoryKeys` is told by finish()).
   */
  add(key: string, line: number): number | undefined {
    fingerprint(key);
    const h1 = FINGERPRINT[0];
    const h2 = FINGERPRINT[1];
    if (this.inMemory.size < this.memoryKeys) return this.inMemory.putFingerprint(h1, h2, line);
    const first = this.inMemory.get(h1, h2);
    if (first !== undefined) return first;
    this.spill(h1, h2, line);
    return undefined;
  }

  /** The first repeat (by line) among the keys kept on disk, if any; removes the files. */
  finish(): RepeatedKey | undefined {
    if (this.dir === undefined) return undefined;
    let repeat: RepeatedKey | undefined;
    try {
      for (let p = 0; p < PARTITIONS; p++) this.flush(p);
      // One buffer and one map, sized for the largest partition, serve every partition in turn.
      const largest = Math.max(...this.counts);
      const keys = new Uint32Array(largest * 3);
      const bytes = new Uint8Array(keys.buffer);
      const map = new FingerprintMap(largest);
      for (let p = 0; p < PARTITIONS; p++) {
        const length = this.counts[p] * 12;
        let done = 0;
        while (done < length) done += readSync(this.files[p], bytes, done, length - done, done);
        map.clear();
        // In order of the stream: the first hit of a partition is its earliest repeat.
        for (let i = 0; i < length / 4; i += 3) {
          const first = map.putFingerprint(keys[i], keys[i + 1], keys[i + 2]);
          if (first === undefined) continue;
          if (repeat === undefined || keys[i + 2] < repeat.line)
            repeat = { line: keys[i + 2], firstLine: first };
          break;
        }
      }
    } finally {
      this.dispose();
    }
    return repeat;
  }

  /** Removes the files (a stream that stopped early, or after finish). */
  dispose(): void {
    for (const fd of this.files) closeSync(fd);
    this.files = [];
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private spill(h1: number, h2: number, line: number): void {
    if (this.dir === undefined) {
      if (!swept) {
        swept = true;
        sweepDeadKeyDirs();
      }
      this.dir = mkdtempSync(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
      for (let p = 0; p < PARTITIONS; p++) {
        this.files.push(openSync(join(this.dir, String(p)), 'w+'));
        this.buffers.push(new Uint32Array(BUFFERED * 3));
        this.filled.push(0);
        this.counts.push(0);
      }
    }
    const p = h1 >>> 26;
    const buffer = this.buffers[p];
    let at = this.filled[p];
    buffer[at++] = h1;
    buffer[at++] = h2;
    buffer[at++] = line;
    this.filled[p] = at;
    this.counts[p]++;
    this.spilled++;
    if (at === buffer.length) this.flush(p);
  }

  private flush(p: number): void {
    const bytes = new Uint8Array(this.buffers[p].buffer, 0, this.filled[p] * 4);
    let done = 0;
    while (done < bytes.length) done += writeSync(this.files[p], bytes, done);
    this.filled[p] = 0;
  }
}
