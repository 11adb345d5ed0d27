import { mkdtemp, readFile, readdir, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from '../architectures/build-model.ts';
import { TINY_DEEPBIND, randomDataset } from '../testing.ts';
import { predictProbabilities } from '../training/predict.ts';
import { ModelFileError } from './model-file.error.ts';
import { loadModel, saveModel } from './model-io.ts';
import type { ModelMetadata } from './model-metadata.ts';

const METADATA: ModelMetadata = {
  architecture: 'deepbind',
  config: { ...TINY_DEEPBIND },
  alphabet: 'ACGT',
  inputLength: 30,
  labelNames: ['bound'],
  seed: 3,
  backend: 'cpu',
  dataChecksum: 'sha256:0123',
  createdAt: '2026-11-23T10:00:00.000Z',
};
// conv 8·4·8 + 8 = 264, dense1 8·8 + 8 = 72, output 8 + 1 = 9: 345 float32 values
const WEIGHT_BYTES = 345 * 4;

let root: string;
let count = 0;

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'strand-model-io-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function savedModel(): Promise<{ dir: string; model: tf.LayersModel }> {
  const model = buildModel({ ...METADATA, inputLength: 30, alphabetSize: 4 });
  const dir = join(root, `model-${++count}`);
  await saveModel(model, dir, METADATA);
  return { dir, model };
}

describe('saveModel / loadModel', () => {
  it('round-trips: identical predictions and metadata, standard layers files', async () => {
    const before = tf.memory().numTensors;
    // A second model in the same process gets uniquified variable names; saving must not care.
    const { dir, model } = await savedModel();
    const data = randomDataset(20, 30, 1);
    const loaded = await loadModel(dir);
    expect(loaded.metadata).toEqual(METADATA);
    expect(Array.from(predictProbabilities(loaded.model, data))).toEqual(
      Array.from(predictProbabilities(model, data)),
    );
    expect(loaded.model.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'strand.json', 'weights.bin']);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual([
      'conv1/kernel',
      'conv1/bias',
      'dense1/kernel',
      'dense1/bias',
      'output/kernel',
      'output/bias',
    ]);
    expect((await readFile(join(dir, 'weights.bin'))).byteLength).toBe(WEIGHT_BYTES);
    const strand = JSON.parse(await readFile(join(dir, 'strand.json'), 'utf8'));
    expect(strand).toEqual({ formatVersion: 1, ...METADATA });
    model.dispose();
    loaded.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is loadable by the standard tf.loadLayersModel over http', async () => {
    const { dir, model } = await savedModel();
    // The browser path: tf.io.http fetches model.json, then weights.bin relative to it.
    const fetchFunc = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      return new Response(await readFile(join(dir, url.pathname.slice(1))));
    };
    const loaded = await tf.loadLayersModel(
      tf.io.http('http://models.test/model.json', { fetchFunc }),
    );
    const data = randomDataset(5, 30, 2);
    expect(Array.from(predictProbabilities(loaded, data))).toEqual(
      Array.from(predictProbabilities(model, data)),
    );
    model.dispose();
    loaded.dispose();
  });

  it('names a missing file', async () => {
    const { dir, model } = await savedModel();
    model.dispose();
    await unlink(join(dir, 'weights.bin'));
    await expect(loadModel(dir)).rejects.toThrow(`${join(dir, 'weights.bin')}: missing`);
    await unlink(join(dir, 'model.json'));
    await expect(loadModel(dir)).rejects.toThrow(`${join(dir, 'model.json')}: missing`);
    await expect(loadModel(join(root, 'nowhere'))).rejects.toBeInstanceOf(ModelFileError);
  });

  it('names a truncated weights file and its expected size', async () => {
    const { dir, model } = await savedModel();
    model.dispose();
    await truncate(join(dir, 'weights.bin'), 100);
    await expect(loadModel(dir)).rejects.toThrow(
      `${join(dir, 'weights.bin')}: 100 bytes, but model.json's weightsManifest needs ${WEIGHT_BYTES}`,
    );
  });

  it('names a corrupted model.json or strand.json', async () => {
    const { dir, model } = await savedModel();
    model.dispose();
    await writeFile(join(dir, 'strand.json'), '{"alphabet": "ACGU"}');
    await expect(loadModel(dir)).rejects.toThrow(
      `${join(dir, 'strand.json')}: alphabet is "ACGU", not "ACGT"`,
    );
    await writeFile(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadModel(dir)).rejects.toThrow(`${join(dir, 'model.json')}: not valid JSON (`);
    await writeFile(join(dir, 'model.json'), '{}');
    await expect(loadModel(dir)).rejects.toThrow(
      `${join(dir, 'model.json')}: not a TF.js layers model (no modelTopology or weightsManifest)`,
    );
  });

  it('refuses to write invalid metadata', async () => {
    const model = buildModel({ ...METADATA, alphabetSize: 4 });
    const dir = join(root, 'invalid');
    await expect(saveModel(model, dir, { ...METADATA, createdAt: 'yesterday' })).rejects.toThrow(
      `${join(dir, 'strand.json')}: createdAt "yesterday" is not an ISO 8601 date`,
    );
    model.dispose();
  });
});
