import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelFileError } from './model-file.error.ts';
import type { ModelMetadata } from './model-metadata.ts';
import { METADATA_FORMAT_VERSION, metadataProblem, pickMetadata } from './model-metadata.ts';

/** File names inside a saved model directory. */
export const MODEL_FILES = Object.freeze({
  topology: 'model.json',
  weights: 'weights.bin',
  metadata: 'strand.json',
});

/**
 * Saves `model` to `dir` in the TF.js layers format (`model.json` + `weights.bin`, loadable by
 * `tf.loadLayersModel` in tfjs-node and browsers) plus Strand's `strand.json`. Node's fs, not a
 * file:// handler: plain @tensorflow/tfjs has none without tfjs-node. Each file is written to a
 * temporary name and renamed, `model.json` last, so a crash never leaves a loadable half-model.
 */
export async function saveModel(
  model: tf.LayersModel,
  dir: string,
  metadata: ModelMetadata,
): Promise<void> {
  const metadataPath = join(dir, MODEL_FILES.metadata);
  const problem = metadataProblem(metadata);
  if (problem !== undefined) throw new ModelFileError(metadataPath, problem);
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs ?? [] }],
      };
      const strandJson = { formatVersion: METADATA_FORMAT_VERSION, ...pickMetadata(metadata) };
      await writeAtomically(join(dir, MODEL_FILES.weights), new Uint8Array(weights));
      await writeAtomically(metadataPath, `${JSON.stringify(strandJson, null, 2)}\n`);
      await writeAtomically(join(dir, MODEL_FILES.topology), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
}

/**
 * Loads a model saved by `saveModel`. Throws `ModelFileError` naming the file when one is
 * missing, is not valid JSON, or disagrees with the others (weights size, input length).
 */
export async function loadModel(
  dir: string,
): Promise<{ model: tf.LayersModel; metadata: ModelMetadata }> {
  const topologyPath = join(dir, MODEL_FILES.topology);
  const metadataPath = join(dir, MODEL_FILES.metadata);
  const modelJson = (await readJson(topologyPath)) as Partial<tf.io.ModelJSON>;
  if (modelJson.modelTopology == null || !Array.isArray(modelJson.weightsManifest)) {
    throw new ModelFileError(
      topologyPath,
      'not a TF.js layers model (no modelTopology or weightsManifest)',
    );
  }
  const metadata = await readJson(metadataPath);
  const problem = metadataProblem(metadata);
  if (problem !== undefined) throw new ModelFileError(metadataPath, problem);
  const { weightSpecs, weightData } = await readWeights(dir, modelJson.weightsManifest);

  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        ...modelJson,
        modelTopology: modelJson.modelTopology,
        weightSpecs,
        weightData,
      }),
    );
  } catch (error) {
    throw new ModelFileError(topologyPath, `cannot be loaded: ${firstLine(error)}`);
  }
  const m = metadata as ModelMetadata;
  const inputLength = model.inputs[0]?.shape[1];
  if (inputLength !== m.inputLength) {
    model.dispose();
    throw new ModelFileError(
      metadataPath,
      `inputLength ${m.inputLength} does not match the model's input length ${inputLength}`,
    );
  }
  return { model, metadata: pickMetadata(m) };
}

/** Reads and concatenates the weight files, checking their size against the manifest. */
async function readWeights(
  dir: string,
  manifest: tf.io.WeightsManifestConfig,
): Promise<{ weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer }> {
  const weightSpecs = manifest.flatMap((group) => group.weights);
  const parts: Uint8Array[] = [];
  for (const name of manifest.flatMap((group) => group.paths)) {
    // A manifest may only name files beside model.json, never reach elsewhere on disk.
    if (name.includes('/') || name.includes('\\') || name === '..') {
      throw new ModelFileError(
        join(dir, MODEL_FILES.topology),
        `weights path "${name}" leaves the model directory`,
      );
    }
    parts.push(await readBytes(join(dir, name)));
  }
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const expected = weightSpecs.reduce((sum, spec) => sum + specBytes(spec), 0);
  if (bytes !== expected) {
    const file = join(dir, manifest[0]?.paths[0] ?? MODEL_FILES.weights);
    throw new ModelFileError(
      file,
      `${bytes} bytes, but model.json's weightsManifest needs ${expected}`,
    );
  }
  const weightData = new Uint8Array(bytes);
  let offset = 0;
  for (const part of parts) {
    weightData.set(part, offset);
    offset += part.byteLength;
  }
  return { weightSpecs, weightData: weightData.buffer };
}

const BYTES_PER_VALUE: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

function specBytes(spec: tf.io.WeightsManifestEntry): number {
  const values = spec.shape.reduce((product, dim) => product * dim, 1);
  return values * (BYTES_PER_VALUE[spec.quantization?.dtype ?? spec.dtype] ?? Number.NaN);
}

async function readJson(path: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(path));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ModelFileError(path, `not valid JSON (${firstLine(error)})`);
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelFileError(
      path,
      code === 'ENOENT' ? 'missing' : `unreadable (${code ?? firstLine(error)})`,
    );
  }
}

async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
