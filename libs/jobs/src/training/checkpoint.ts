/**
 * A training checkpoint: the model's weights and the engine's TrainingState (Adam's moments,
 * learning rate, plateau trackers) after an epoch, enough for trainModel to resume exactly.
 * Layout: `<dir>/epoch-<n>/tensors.bin` (every float32 value, weights then optimizer slots) and
 * `state.json` (shapes, offsets, the rest of the state). A checkpoint is written into a temporary
 * directory and renamed into place, so a crash leaves either the whole checkpoint or none.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { TrainingState } from '@strand/models';

const FORMAT_VERSION = 1;

interface StoredState {
  formatVersion: number;
  epoch: number;
  weights: number[][];
  optimizer: { name: string; shape: number[] }[];
  rest: Omit<TrainingState, 'optimizer'>;
}

/** The directory of epoch `epoch`'s checkpoint under a run's checkpoint directory. */
export function checkpointPath(dir: string, epoch: number): string {
  return join(dir, `epoch-${epoch}`);
}

async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Saves epoch `epoch`'s checkpoint of `model` and `state` atomically under `dir`. */
export async function saveCheckpoint(
  dir: string,
  epoch: number,
  model: tf.LayersModel,
  state: TrainingState,
): Promise<void> {
  const weights = model.getWeights();
  const values = await Promise.all(weights.map((w) => w.data() as Promise<Float32Array>));
  const parts = [...values, ...state.optimizer.weights.map((w) => w.values)];
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const buffer = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    buffer.set(part, offset);
    offset += part.length;
  }
  const { optimizer, ...rest } = state;
  const stored: StoredState = {
    formatVersion: FORMAT_VERSION,
    epoch,
    weights: weights.map((w) => w.shape.slice()),
    optimizer: optimizer.weights.map(({ name, shape }) => ({ name, shape })),
    rest,
  };
  const target = checkpointPath(dir, epoch);
  const temp = `${target}.${randomUUID()}.partial`;
  await mkdir(temp, { recursive: true });
  try {
    await writeDurably(join(temp, 'tensors.bin'), new Uint8Array(buffer.buffer));
    await writeDurably(join(temp, 'state.json'), JSON.stringify(stored));
    // A checkpoint of the same epoch may exist (a resumed run retrained the epoch after it):
    // it holds the same values, so replacing it is safe.
    await rm(target, { recursive: true, force: true });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Loads epoch `epoch`'s checkpoint: the weights (as flat values per weight) and the state. */
export async function loadCheckpoint(
  dir: string,
  epoch: number,
): Promise<{ weights: { shape: number[]; values: Float32Array }[]; state: TrainingState }> {
  const path = checkpointPath(dir, epoch);
  const stored = JSON.parse(await readFile(join(path, 'state.json'), 'utf8')) as StoredState;
  if (stored.formatVersion !== FORMAT_VERSION || stored.epoch !== epoch) {
    throw new Error(`${path}/state.json: not a checkpoint of epoch ${epoch}`);
  }
  const bytes = await readFile(join(path, 'tensors.bin'));
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  );
  let offset = 0;
  const take = (shape: number[]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = all.slice(offset, offset + size);
    offset += size;
    if (values.length !== size) throw new Error(`${path}/tensors.bin: too short`);
    return values;
  };
  const weights = stored.weights.map((shape) => ({ shape, values: take(shape) }));
  const optimizer = {
    weights: stored.optimizer.map(({ name, shape }) => ({ name, shape, values: take(shape) })),
  };
  if (offset !== all.length)
    throw new Error(`${path}/tensors.bin: ${all.length - offset} extra values`);
  return { weights, state: { ...stored.rest, optimizer } };
}
