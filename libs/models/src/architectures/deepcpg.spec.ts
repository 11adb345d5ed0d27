import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { deriveSeed, seededRandom } from '../training/seed.ts';
import type { TrainingData } from '../training/training-data.ts';
import { buildModel } from './build-model.ts';
import { multitaskMotifData, trainArchitecture } from './zoo.testing.ts';

beforeAll(async () => {
  await initBackend();
});

/**
 * Two cells: cell 1 is methylated iff motif CACGTG is in the DNA (DNA branch only); cell 2 iff
 * most of its K = 8 neighbouring CpGs are methylated (CpG branch only). The CpG vector holds
 * the 8 states (0/1, drawn at a per-row rate) then 8 random distances in [0, 1).
 */
function cpgData(count: number, length: number, seed: number): TrainingData {
  const dna = multitaskMotifData(count, length, seed);
  const random = seededRandom(deriveSeed(seed, 'cpg-neighbours'));
  const cpg = new Float32Array(count * 16);
  const y = new Float32Array(count * 2);
  for (let r = 0; r < count; r++) {
    const rate = random();
    let methylated = 0;
    for (let k = 0; k < 8; k++) {
      const state = random() < rate ? 1 : 0;
      methylated += state;
      cpg[r * 16 + k] = state;
      cpg[r * 16 + 8 + k] = random();
    }
    y[r * 2] = dna.y[r * 2] as number;
    y[r * 2 + 1] = methylated > 4 ? 1 : 0;
  }
  return { ...dna, y, labelWidth: 2, extraInputs: [cpg] };
}

describe('deepcpg', () => {
  it('learns one cell from the DNA branch and one from the CpG branch', async () => {
    const config = {
      cpgFeatures: 16,
      filters: 16,
      kernelSize: 8,
      poolSize: 13,
      dnaUnits: 16,
      cpgUnits: 8,
      jointUnits: 16,
      dropout: 0,
      tasks: 2,
    };
    const model = buildModel({
      architecture: 'deepcpg',
      config,
      inputLength: 60,
      alphabetSize: 4,
      seed: 1,
    });
    expect(model.inputs.map((i) => i.name)).toEqual(['dna', 'cpg']);
    expect(model.outputs[0]?.shape).toEqual([null, 2]);
    model.dispose();
    const metrics = await trainArchitecture('deepcpg', config, cpgData(800, 60, 3), {
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      epochs: 8,
    });
    expect(metrics['val_auroc_t1']).toBeGreaterThan(0.85);
    expect(metrics['val_auroc_t2']).toBeGreaterThan(0.85);
  });
});
