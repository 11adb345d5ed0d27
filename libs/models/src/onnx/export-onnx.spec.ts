import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../architectures/build-model.ts';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { seeded } from '../backend/wasm/cpu-parity.testing.ts';
import { createPredictor } from '../inference/predictor.ts';
import { predictOutputs } from '../training/predict.ts';
import { exportOnnx } from './export-onnx.ts';
import { OnnxExportError } from './onnx-export.error.ts';

/** Small versions of the zoo's CNNs (every layer kind the exporter handles). */
const SPECS: [string, ModelSpec][] = [
  [
    'deepbind',
    {
      architecture: 'deepbind',
      config: { filters: 8, kernelSize: 5, hiddenUnits: 6, dropout: 0.2 },
      inputLength: 40,
      alphabetSize: 4,
      seed: 1,
    },
  ],
  [
    'deepsea (valid convolutions, pools, flatten, multitask)',
    {
      architecture: 'deepsea',
      config: { filters: [6, 8, 10], kernelSize: 4, poolSize: 2, hiddenUnits: 12, tasks: 3 },
      inputLength: 50,
      alphabetSize: 4,
      seed: 2,
    },
  ],
  [
    'basset (same padding, batch norm)',
    {
      architecture: 'basset',
      config: {
        filters: [6, 6, 8],
        kernelSizes: [7, 4, 3],
        poolSizes: [3, 2, 2],
        hiddenUnits: [10, 10],
        tasks: 2,
      },
      inputLength: 61,
      alphabetSize: 4,
      seed: 3,
    },
  ],
];

beforeAll(async () => {
  await initBackend('cpu'); // the reference: tfjs' plain JS kernels
});

describe('exportOnnx + ONNX Runtime', () => {
  it.each(SPECS)('predicts what TF.js predicts within 1e-5: %s', async (_, spec) => {
    const model = buildModel(spec);
    // Non-trivial batch-norm statistics, so the exported normalisation is exercised.
    for (const w of model.nonTrainableWeights) {
      const v = w.read();
      w.write(tf.tidy(() => tf.tensor(seeded(v.size, 9)).abs().add(0.5).reshape(v.shape)));
    }
    const rows = 7;
    const x = new Float32Array(rows * spec.inputLength * 4);
    x.set(seeded(x.length, 5).map((v) => (v > 0 ? 1 : 0)));
    const want = predictOutputs(model, {
      x,
      count: rows,
      length: spec.inputLength,
      alphabetSize: 4,
    }).values;
    const predictor = await createPredictor(model, { engine: 'onnx' });
    expect(predictor.engine).toMatch(/^onnxruntime-/);
    const got = await predictor.predict(x, rows);
    await predictor.dispose();
    expect(got.length).toBe(want.length);
    got.forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThanOrEqual(1e-5));
    model.dispose();
  });

  it('refuses layers it cannot represent, so the caller keeps TF.js', async () => {
    const danq = buildModel({
      architecture: 'danq',
      config: { filters: 4, kernelSize: 5, poolSize: 4, lstmUnits: 3, hiddenUnits: 4 },
      inputLength: 40,
      alphabetSize: 4,
      seed: 1,
    });
    expect(() => exportOnnx(danq)).toThrow(OnnxExportError);
    const predictor = await createPredictor(danq); // auto: TF.js
    expect(predictor.engine).toBe('tfjs-cpu');
    await expect(createPredictor(danq, { engine: 'onnx' })).rejects.toThrow(
      'ONNX Runtime cannot run this model: bilstm: Bidirectional layers do not export to ONNX',
    );
    danq.dispose();
  });
});
