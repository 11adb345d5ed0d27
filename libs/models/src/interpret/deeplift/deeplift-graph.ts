/**
 * The layer graph of a model, read once and classified by how DeepLIFT treats each layer
 * (deeplift-pass.ts runs it). The rules, after Shrikumar, Greenside & Kundaje (ICML 2017) and
 * tangermeme's / Captum's implementations of them:
 *   - linear: the layer is affine in its inputs at inference (dense or convolution without an
 *     activation, batch norm, dropout, flatten, reshape, add, concatenate, average pooling): its
 *     multipliers are its gradients, exactly;
 *   - affine + activation: Conv1D, Dense and Strand's DilatedConv1D compute an affine part and an
 *     elementwise activation, split in two; the activation takes the rescale rule;
 *   - activation: an elementwise nonlinearity (rescale rule: Δy/Δx, its derivative where Δx ≈ 0);
 *   - max pooling (non-overlapping windows) and global max pooling: the difference between input
 *     and reference is routed to the two arg-maxes (Captum's / shap's maxpool rule), so the
 *     summation-to-delta property holds;
 *   - recurrent layers (LSTM, GRU, bidirectional wrappers): integrated gradients of the layer
 *     along the straight path from its reference input to its input (tangermeme's local-IG
 *     hook), Gauss–Legendre; summation then holds to quadrature error.
 * Anything else (embeddings, sampling layers, unknown custom layers) is refused by name.
 */
import type * as tf from '@tensorflow/tfjs';
import { DilatedConv1D } from '../../architectures/dilated-conv1d.layer.ts';
import { InterpretInputError } from '../interpret-input.error.ts';

/** How one layer is treated; see the file comment. */
export type DeepLiftRule =
  | { kind: 'linear' }
  | { kind: 'affine'; activation: string }
  | { kind: 'activation'; activation: string }
  | { kind: 'max-pool'; pool: number }
  | { kind: 'global-max-pool' }
  | { kind: 'local-ig' };

/** One layer application: the ids of its input and output symbolic tensors, and its rule. */
export interface DeepLiftNode {
  layer: tf.layers.Layer;
  inputs: number[];
  output: number;
  rule: DeepLiftRule;
}

export interface DeepLiftGraph {
  nodes: DeepLiftNode[];
  /** Symbolic tensor ids of the model's inputs and outputs. */
  inputs: number[];
  outputs: number[];
}

/** Activations the rescale rule handles (elementwise); 'linear' needs none. */
export const RESCALED_ACTIVATIONS = [
  'relu',
  'relu6',
  'sigmoid',
  'tanh',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'hardSigmoid',
] as const;

const LINEAR_LAYERS = new Set([
  'BatchNormalization',
  'Dropout',
  'SpatialDropout1D',
  'GaussianDropout',
  'AlphaDropout',
  'Flatten',
  'Reshape',
  'Permute',
  'Add',
  'Subtract',
  'Average',
  'Concatenate',
  'AveragePooling1D',
  'GlobalAveragePooling1D',
  'ZeroPadding1D',
  'Cropping1D',
  'RepeatVector',
]);
const RECURRENT_LAYERS = new Set(['LSTM', 'GRU', 'SimpleRNN', 'Bidirectional']);

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function activationOf(layer: tf.layers.Layer, config: Record<string, unknown>, what: string) {
  const activation = String(config['activation'] ?? 'linear');
  if (activation !== 'linear' && activation !== 'softmax' && !isRescaled(activation)) {
    throw new InterpretInputError(
      `${what}: layer "${layer.name}" has activation "${activation}", which DeepLIFT here does not cover (${RESCALED_ACTIVATIONS.join(', ')}, softmax on the output)`,
    );
  }
  return activation;
}

function isRescaled(activation: string): boolean {
  return (RESCALED_ACTIVATIONS as readonly string[]).includes(activation);
}

function ruleOf(layer: tf.layers.Layer, what: string): DeepLiftRule {
  const name = layer.getClassName();
  const config = layer.getConfig();
  if (layer instanceof DilatedConv1D) return { kind: 'affine', activation: layer.activation };
  if (name === 'Conv1D' || name === 'Dense') {
    return { kind: 'affine', activation: activationOf(layer, config, what) };
  }
  if (name === 'Activation') {
    return { kind: 'activation', activation: activationOf(layer, config, what) };
  }
  if (name === 'ReLU') return { kind: 'activation', activation: 'relu' };
  if (LINEAR_LAYERS.has(name)) return { kind: 'linear' };
  if (name === 'GlobalMaxPooling1D') return { kind: 'global-max-pool' };
  if (name === 'MaxPooling1D') {
    const pool = first(config['poolSize']) as number;
    const stride = (first(config['strides']) as number | null) ?? pool;
    if (stride !== pool || config['padding'] !== 'valid') {
      throw new InterpretInputError(
        `${what}: layer "${layer.name}" pools overlapping or padded windows (pool ${pool}, stride ${stride}, padding ${String(config['padding'])}); only non-overlapping 'valid' max pooling is covered`,
      );
    }
    return { kind: 'max-pool', pool };
  }
  if (RECURRENT_LAYERS.has(name)) return { kind: 'local-ig' };
  throw new InterpretInputError(
    `${what}: layer "${layer.name}" (${name}) is not covered by DeepLIFT here; covered: convolutions, dense, activations, batch norm, dropout, pooling, flatten/reshape, add/concatenate and recurrent layers`,
  );
}

const idOf = (t: tf.SymbolicTensor) => t.id;
const listOf = (t: tf.SymbolicTensor | tf.SymbolicTensor[]) => (Array.isArray(t) ? t : [t]);

/** Reads `model`'s layers in order and classifies each (see the file comment). */
export function deepLiftGraph(model: tf.LayersModel, what: string): DeepLiftGraph {
  const inputs = model.inputs.map(idOf);
  const nodes: DeepLiftNode[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (layer.inboundNodes.length !== 1) {
      throw new InterpretInputError(
        `${what}: layer "${layer.name}" is applied ${layer.inboundNodes.length} times; DeepLIFT here needs each layer applied once`,
      );
    }
    const outputs = listOf(layer.output);
    if (outputs.length !== 1) {
      throw new InterpretInputError(`${what}: layer "${layer.name}" has several outputs`);
    }
    nodes.push({
      layer,
      inputs: listOf(layer.input).map(idOf),
      output: idOf(outputs[0] as tf.SymbolicTensor),
      rule: ruleOf(layer, what),
    });
  }
  return { nodes, inputs, outputs: model.outputs.map(idOf) };
}
