import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeenKeys, sweepDeadKeyDirs } from './seen-keys.ts';

/** This process's partition directories (other processes' come and go meanwhile). */
const spillDirs = () =>
  readdirSync(tmpdir()).filter((d) => d.startsWith(`strand-keys-${process.pid}-`)).length;

describe('SeenKeys', () => {
  it('tells repeats of the keys it holds at once, and repeats among the spilled ones at the end, with both lines', () => {
    const before = spillDirs();
    const keys = new SeenKeys(100);
    for (let line = 1; line <= 5000; line++) {
      expect(keys.add(`id${line}`, line)).toBe(undefined);
    }
    // A key of the first 100 (held in memory) is told at once, also past the budget.
    expect(keys.add('id7', 5001)).toBe(7);
    expect(spillDirs()).toBe(before + 1);
    // Repeats of spilled keys: the earliest repeat (by line) is reported, not the first spilled.
    expect(keys.add('id4000', 5002)).toBe(undefined);
    expect(keys.add('id300', 5003)).toBe(undefined);
    expect(keys.size).toBe(5002);
    expect(keys.finish()).toEqual({ line: 5002, firstLine: 4000 });
    expect(spillDirs()).toBe(before);
  });

  it('finds nothing in distinct keys, and leaves no files when stopped early', () => {
    const before = spillDirs();
    const distinct = new SeenKeys(10);
    for (let line = 1; line <= 20_000; line++) distinct.add(`chr1:${line}`, line);
    expect(distinct.finish()).toBe(undefined);
    const stopped = new SeenKeys(10);
    for (let line = 1; line <= 100; line++) stopped.add(`k${line}`, line);
    stopped.dispose();
    expect(spillDirs()).toBe(before);
    // Within the budget nothing touches the disk.
    const small = new SeenKeys();
    expect(small.add('a', 1)).toBe(undefined);
    expect(small.add('a', 2)).toBe(1);
    expect(small.finish()).toBe(undefined);
  });

  it("sweeps the partition directories of dead processes, never a live one's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'strand-sweep-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      mkdirSync(join(dir, `strand-keys-${dead}-abc123`));
      mkdirSync(join(dir, `strand-keys-${process.pid}-def456`));
      mkdirSync(join(dir, 'strand-keys-not-a-pid'));
      mkdirSync(join(dir, 'something-else'));
      expect(sweepDeadKeyDirs(dir)).toBe(1);
      expect(readdirSync(dir).sort()).toEqual([
        'something-else',
        `strand-keys-${process.pid}-def456`,
        'strand-keys-not-a-pid',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
