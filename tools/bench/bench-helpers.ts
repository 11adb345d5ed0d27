/** Helpers shared by the benchmarks: fixed random data, flag parsing, rounding. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendName, TrainingData } from '@strand/models';

/** Random one-hot sequences and random labels, like the reference's random inputs. */
export function randomOneHot(count: number, len: number): TrainingData {
  let state = 0x2545f491; // xorshift32: fixed data, no dependency on the libraries under test
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const x = new Float32Array(count * len * 4);
  const y = new Float32Array(count);
  for (let row = 0; row < count; row++) {
    y[row] = next() < 0.5 ? 0 : 1;
    for (let i = 0; i < len; i++) x[(row * len + i) * 4 + Math.floor(next() * 4)] = 1;
  }
  return { x, y, count, length: len, alphabetSize: 4 };
}

export function subset(d: TrainingData, count: number): TrainingData {
  const rowSize = d.length * d.alphabetSize;
  return { ...d, x: d.x.slice(0, count * rowSize), y: d.y.slice(0, count), count };
}

export function parseBackend(value: string | undefined): BackendName | 'auto' {
  if (value === undefined) return 'auto';
  if (value === 'wasm' || value === 'cpu' || value === 'tensorflow') return value;
  console.error(`--backend "${value}": expected wasm, cpu or tensorflow`);
  process.exit(2);
}

export function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${flag} "${value}": expected a positive integer`);
    process.exit(2);
  }
  return number;
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** Debian's Python, where `apt-get install -y python3-torch` puts PyTorch. */
export const PYTHON = '/usr/bin/python3';

/** Exits (2) with how to install PyTorch when it is missing: checked before the long TF.js part. */
export function requireTorch(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error(
      `PyTorch is not importable by ${PYTHON}; install it with: apt-get install -y python3-torch`,
    );
    process.exit(2);
  }
}

/**
 * Runs a PyTorch reference of tools/bench/torch (`train.py`, `infer.py`, …) with Debian's Python
 * and `--name value` flags; returns the JSON of its last output line, or exits (1) with its
 * stderr. `pinCpu` runs it under `taskset -c pinCpu`.
 */
export function runTorchReference<T>(
  script: string,
  flags: Record<string, number | string>,
  pinCpu?: number,
): T {
  const path = fileURLToPath(new URL(`./torch/${script}`, import.meta.url));
  const argv = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)]);
  const command = [PYTHON, path, ...argv];
  const pinned = pinCpu === undefined ? command : ['taskset', '-c', String(pinCpu), ...command];
  const run = spawnSync(pinned[0] as string, pinned.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) {
    console.error(`${script} failed (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as T;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** True when `taskset` (util-linux) can pin processes to a CPU here. */
export function canPin(): boolean {
  return spawnSync('taskset', ['-V']).status === 0;
}
