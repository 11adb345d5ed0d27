/** Helpers shared by the benchmarks: fixed random data, flag parsing, rounding. */
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
