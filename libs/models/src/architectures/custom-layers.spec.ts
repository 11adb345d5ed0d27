import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { buildModel } from './build-model.ts';

beforeAll(async () => {
  await initBackend();
});

/** Saves to memory and loads back through tfjs' layers format (registered custom classes). */
async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
}

describe('custom layers', () => {
  for (const [architecture, config, shape] of [
    ['vae', { hiddenUnits: [8], latentSize: 2 }, [3, 10, 1]],
    ['bpnet', { filters: 4, stemKernel: 5, dilatedLayers: 2 }, [3, 20, 4]],
  ] as const) {
    it(`${architecture} saves and loads with equal predictions`, async () => {
      const model = buildModel({
        architecture,
        config,
        inputLength: shape[1],
        alphabetSize: shape[2],
        seed: 1,
      });
      const loaded = await roundTrip(model);
      const x = tf.randomUniform([...shape], 0, 1, 'float32', 3);
      // bpnet has two outputs (profile, counts): compare every output.
      const a = [model.predict(x)].flat();
      const b = [loaded.predict(x)].flat();
      const values = (ts: tf.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));
      expect(values(b)).toEqual(values(a));
      tf.dispose([x, ...a, ...b]);
      model.dispose();
      loaded.dispose();
    });
  }
});
