import type * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../architectures/architecture-definition.ts';
import { buildModel } from '../architectures/build-model.ts';
import type { ArchitectureConfig, ArchitectureName } from '../architectures/registry.ts';
import { TransferError } from './transfer.error.ts';

/** The model to build and initialise from a source model. */
export interface TransferTarget {
  architecture: ArchitectureName;
  /** A config for `architecture`; missing fields take its defaults. */
  config: ArchitectureConfig | Record<string, unknown>;
  input: InputShape;
}

/**
 * Which copied layers to freeze, by rule: the first N layers that have weights (target layer
 * order), every convolution, or every copied layer but the output layer(s) (the head).
 */
export type FreezeRule = number | 'conv' | 'all-but-head';

/** Which copied layers stay fixed, and the seed of the layers that are not copied. */
export interface TransferOptions {
  /**
   * Names of target layers made non-trainable, or a rule naming them; each must have received
   * the source's weights.
   */
  freeze: readonly string[] | FreezeRule;
  seed: number;
}

/** The new model and what happened to its layers. */
export interface TransferResult {
  model: tf.LayersModel;
  /** Target layers whose weights came from the source (same name, same weight shapes). */
  copied: string[];
  /** Layers made non-trainable (the `freeze` list, in target layer order). */
  frozen: string[];
}

/**
 * Builds `target` (seeded as `buildModel` does), copies the weights of every layer whose name
 * and weight shapes match a layer of `source` (non-trainable weights such as batch-norm
 * statistics included), and marks the `freeze` layers non-trainable, so `trainModel` (which
 * updates `model.trainableWeights` only) leaves them as the source trained them. Throws
 * `TransferError` when a frozen layer is not in the target or was not copied (freezing fresh
 * random weights is almost surely a mistake); the half-built model is disposed then.
 *
 * @example
 * const { model } = transferModel(pretrained, { architecture: 'deepbind', config: {}, input },
 *   { freeze: ['conv1'], seed: 1 });
 */
export function transferModel(
  source: tf.LayersModel,
  target: TransferTarget,
  options: TransferOptions,
): TransferResult {
  const model = buildModel({
    architecture: target.architecture,
    config: target.config,
    inputLength: target.input.length,
    alphabetSize: target.input.alphabetSize,
    seed: options.seed,
  });
  try {
    const want = source.inputs.map((t) => t.shape.slice(1).join('×'));
    const have = model.inputs.map((t) => t.shape.slice(1).join('×'));
    if (want.join(' + ') !== have.join(' + ')) {
      throw new TransferError(
        `the source model reads inputs of shape ${want.join(' + ')}; this ${target.architecture} model reads ${have.join(' + ')}`,
      );
    }
    const copied: string[] = [];
    for (const layer of model.layers) {
      const from = source.layers.find((l) => l.name === layer.name);
      if (from === undefined || layer.weights.length === 0) continue;
      const weights = from.getWeights();
      if (!sameShapes(weights, layer.getWeights())) continue;
      layer.setWeights(weights);
      copied.push(layer.name);
    }
    const names = model.layers.map((l) => l.name);
    const freeze = freezeNames(model, copied, options.freeze);
    for (const name of freeze) {
      if (!names.includes(name)) {
        throw new TransferError(
          `freeze: "${name}" is not a layer of the ${target.architecture} model; layers: ${names.join(', ')}`,
        );
      }
      if (!copied.includes(name)) {
        throw new TransferError(
          `freeze: layer "${name}" got no weights from the source (no source layer of that name ` +
            `and weight shapes); copied: ${copied.join(', ') || 'none'}`,
        );
      }
    }
    const frozen = names.filter((name) => freeze.includes(name));
    for (const name of frozen) model.getLayer(name).trainable = false;
    return { model, copied, frozen };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/** The layer names a freeze rule stands for in `model` (a list is returned as it is). */
function freezeNames(
  model: tf.LayersModel,
  copied: readonly string[],
  rule: TransferOptions['freeze'],
): readonly string[] {
  if (typeof rule === 'object') return rule;
  const weighted = model.layers.filter((l) => l.weights.length > 0);
  if (typeof rule === 'number') {
    if (!Number.isInteger(rule) || rule < 0 || rule > weighted.length) {
      throw new TransferError(
        `freeze: ${rule} is not a count of layers with weights from 0 to ${weighted.length}`,
      );
    }
    return weighted.slice(0, rule).map((l) => l.name);
  }
  if (rule === 'conv') {
    const conv = weighted.filter((l) => /^Conv/.test(l.getClassName())).map((l) => l.name);
    if (conv.length === 0)
      throw new TransferError('freeze: conv, but the model has no convolution');
    return conv;
  }
  const heads = new Set(model.outputLayers.map((l) => l.name));
  return weighted.filter((l) => copied.includes(l.name) && !heads.has(l.name)).map((l) => l.name);
}

function sameShapes(a: tf.Tensor[], b: tf.Tensor[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => {
      const other = b[i]?.shape ?? [];
      return t.shape.length === other.length && t.shape.every((d, k) => d === other[k]);
    })
  );
}
