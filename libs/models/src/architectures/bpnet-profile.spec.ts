import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Pfm } from '@strand/genomics';
import { oneHotEncodeBatch, simulateProfiles } from '@strand/genomics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { loadModel, saveModel } from '../io/model-io.ts';
import { predictOutputs } from '../training/predict.ts';
import { trainModel } from '../training/train.ts';
import type { TrainingData } from '../training/training-data.ts';
import type { BpnetConfig } from './bpnet.ts';
import { BPNET_DEFAULTS, bpnetHeads } from './bpnet.ts';
import { buildModel } from './build-model.ts';
import { architectureTask } from './registry.ts';

const LENGTH = 100;
/** A motif that allows one sequence only (TGATAAGC), so the known answer is exact. */
const MOTIF: Pfm = {
  id: 'TGATAAGC',
  name: 'GATA-like',
  counts: [...'TGATAAGC'].map((b) => [...'ACGT'].map((x) => (x === b ? 10 : 0))),
};

let root: string;
beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'strand-bpnet-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** simulateProfiles as training data: y = the counts [positions, tracks] per row. */
function profileData(count: number, seed: number, strandShift?: number) {
  const sim = simulateProfiles({
    count,
    length: LENGTH,
    motif: MOTIF,
    seed,
    maxSites: 3,
    readsPerSite: 40,
    footprintSd: 2.5,
    backgroundRate: 0.05,
    ...(strandShift === undefined ? {} : { strandShift }),
  });
  const data: TrainingData = {
    x: oneHotEncodeBatch(sim.sequences, LENGTH),
    y: sim.counts,
    count,
    length: LENGTH,
    alphabetSize: 4,
    labelWidth: LENGTH * sim.tracks,
  };
  return { sim, data };
}

function build(config: Partial<BpnetConfig>, seed = 1) {
  return buildModel({
    architecture: 'bpnet',
    config,
    inputLength: LENGTH,
    alphabetSize: 4,
    seed,
  });
}

describe('bpnet profile + counts', () => {
  it('builds a profile output [length, tasks] and a counts output [tasks] by default', () => {
    const before = tf.memory().numTensors;
    const model = build({ filters: 8, stemKernel: 5, dilatedLayers: 2, tasks: 2 });
    expect(model.outputs.map((o) => o.shape)).toEqual([
      [null, LENGTH, 2],
      [null, 2],
    ]);
    expect(model.outputNames).toEqual(['profile', 'counts']);
    expect(architectureTask('bpnet', { ...BPNET_DEFAULTS })).toBe('profile');
    expect(architectureTask('bpnet', { ...BPNET_DEFAULTS, heads: 'counts' })).toBe('regression');
    expect(bpnetHeads({ ...BPNET_DEFAULTS, countsWeight: 2 })?.[1]?.weight).toBe(2);
    expect(bpnetHeads({ ...BPNET_DEFAULTS, heads: 'counts' })).toBeUndefined();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('learns where the planted sites are and how many (profile peak ±5 bp, counts r)', async () => {
    const before = tf.memory().numTensors;
    const { data } = profileData(1200, 1);
    const { sim: heldOut, data: validation } = profileData(300, 2);
    const config: BpnetConfig = {
      ...BPNET_DEFAULTS,
      filters: 16,
      stemKernel: 11,
      dilatedLayers: 3,
      profileKernel: 7,
    };
    const model = build(config, 3);
    const started = performance.now();
    const { history } = await trainModel(model, data, {
      task: 'profile',
      heads: bpnetHeads(config),
      validation,
      epochs: 6,
      batchSize: 32,
      learningRate: 0.004,
      seed: 4,
    });
    const seconds = (performance.now() - started) / 1000;
    const last = history.at(-1)?.metrics ?? {};
    expect(Object.keys(last).sort()).toEqual([
      'loss',
      'val_counts_loss',
      'val_counts_mae',
      'val_counts_mse',
      'val_counts_pearson',
      'val_counts_r2',
      'val_counts_spearman',
      'val_loss',
      'val_profile_loss',
      'val_profile_pearson',
      'val_profile_spearman',
    ]);
    // The known answer: the predicted profile of a one-site sequence peaks at its site.
    const { values, width, outputWidths } = predictOutputs(model, validation);
    expect(outputWidths).toEqual([LENGTH, 1]);
    let hits = 0;
    let oneSite = 0;
    heldOut.sites.forEach((sites, r) => {
      if (sites.length !== 1) return;
      oneSite++;
      const logits = values.subarray(r * width, r * width + LENGTH);
      const peak = logits.indexOf(Math.max(...logits));
      if (Math.abs(peak - (sites[0]?.center as number)) <= 5) hits++;
    });
    expect(oneSite).toBeGreaterThan(50);
    expect(hits / oneSite).toBeGreaterThanOrEqual(0.7);
    // Total counts follow the number of sites: r well above 0 (0 for a constant guess).
    expect(last['val_counts_pearson']).toBeGreaterThan(0.6);
    expect(last['val_profile_pearson']).toBeGreaterThan(0.2);
    // val_loss is the training loss's counterpart: profile + λ·counts.
    const first = history[0]?.metrics ?? {};
    expect(last['val_loss']).toBeLessThan(first['val_loss'] as number);
    console.info(
      `bpnet profile: ${seconds.toFixed(1)} s, peak within ±5 bp in ${hits}/${oneSite}, ` +
        `counts r ${last['val_counts_pearson']?.toFixed(3)}, profile r ${last['val_profile_pearson']?.toFixed(3)}`,
    );
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves and loads the two-output model with equal predictions of both outputs', async () => {
    const config = { filters: 4, stemKernel: 5, dilatedLayers: 2, tasks: 2, profileKernel: 3 };
    const model = build(config, 5);
    const { data } = profileData(7, 9, 4);
    const dir = join(root, 'two-outputs');
    await saveModel(model, dir, {
      architecture: 'bpnet',
      config: { ...BPNET_DEFAULTS, ...config },
      alphabet: 'ACGT',
      inputLength: LENGTH,
      labelNames: ['plus', 'minus'],
      seed: 5,
      backend: 'wasm',
      dataChecksum: 'sha256:00',
      createdAt: '2026-11-24T10:00:00.000Z',
    });
    const { model: loaded, metadata } = await loadModel(dir);
    expect(metadata.config).toEqual({ ...BPNET_DEFAULTS, ...config });
    expect(loaded.outputs.map((o) => o.shape)).toEqual([
      [null, LENGTH, 2],
      [null, 2],
    ]);
    const a = predictOutputs(model, data);
    const b = predictOutputs(loaded, data);
    expect(b.outputWidths).toEqual([LENGTH * 2, 2]);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    // Side by side per row: row 3's counts are the model's second output for row 3.
    const direct = tf.tidy(() => {
      const x = tf.tensor3d(data.x, [7, LENGTH, 4]);
      return (model.predict(x) as tf.Tensor[])[1] as tf.Tensor;
    });
    const counts = direct.dataSync();
    expect(Array.from(a.values.subarray(3 * a.width + LENGTH * 2, 4 * a.width))).toEqual(
      Array.from(counts.subarray(6, 8)),
    );
    direct.dispose();
    model.dispose();
    loaded.dispose();
  });
});
