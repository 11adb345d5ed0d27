import * as tf from '@tensorflow/tfjs';
import { OnnxGraph } from './onnx-graph.ts';
import { OnnxExportError } from './onnx-export.error.ts';

/**
 * A Sequential sequence model of the zoo as an ONNX model (opset 17), the same function of the
 * same weights in inference mode: input [batch, length, channels] float32, output [batch, …].
 *
 * tf.layers keeps convolutions channels-last ([N, L, C]); ONNX's Conv and pools are
 * channels-first, so the graph transposes once before the first convolution and back before a
 * Flatten (whose order must stay tf.layers': position-major). Weights are re-laid-out here:
 * Conv1D kernels [k, Cin, Cout] → [Cout, Cin, k]; Dense kernels stay [in, out] for MatMul.
 * Handles Conv1D (valid/same/causal, strides, dilation), Max/AveragePooling1D,
 * GlobalMax/AveragePooling1D, BatchNormalization, Activation, Dense, Flatten, Dropout (nothing in
 * inference) and the activations relu, sigmoid, tanh, softmax, linear. Anything else throws
 * OnnxExportError UNSUPPORTED_LAYER, and the caller keeps TF.js.
 */
export function exportOnnx(model: tf.LayersModel): Uint8Array {
  if (!(model instanceof tf.Sequential)) {
    throw new OnnxExportError('UNSUPPORTED_MODEL', `${model.name}: only Sequential models export`);
  }
  const inputShape = model.inputs[0]?.shape.slice(1) as number[];
  if (model.inputs.length !== 1 || inputShape.length !== 2 || inputShape.some((d) => d === null)) {
    throw new OnnxExportError(
      'UNSUPPORTED_MODEL',
      `${model.name}: input is not [batch, length, channels]`,
    );
  }
  const g = new OnnxGraph();
  let value = 'x';
  // Layout of `value`: tf.layers' [N, L, C], ONNX's [N, C, L], or [N, features].
  const at: { layout: 'channels-last' | 'channels-first' | 'flat' } = { layout: 'channels-last' };
  let length = inputShape[0] as number;
  const channelsFirst = () => {
    if (at.layout === 'channels-last') value = g.node('Transpose', [value], { perm: [0, 2, 1] });
    at.layout = 'channels-first';
  };
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const config = layer.getConfig() as Record<string, unknown>;
    const weights = layer.getWeights().map((w) => w.dataSync() as Float32Array);
    const activation = (name: unknown) => {
      value = activate(g, value, String(name ?? 'linear'), layer.name);
    };
    switch (kind) {
      case 'Conv1D': {
        channelsFirst();
        const [k, cin, cout] = layer.getWeights()[0]?.shape as [number, number, number];
        const stride = first(config['strides']);
        const dilation = first(config['dilationRate']);
        const pads = convPads(String(config['padding']), length, k, stride, dilation);
        const w = g.float32(
          `${layer.name}_kernel`,
          kernelChannelsFirst(weights[0] as Float32Array, k, cin, cout),
          [cout, cin, k],
        );
        const inputs = [value, w];
        if (config['useBias'] !== false)
          inputs.push(g.float32(`${layer.name}_bias`, weights[1] as Float32Array, [cout]));
        value = g.node('Conv', inputs, {
          kernel_shape: [k],
          strides: [stride],
          dilations: [dilation],
          pads,
        });
        length = Math.floor((length + pads[0]! + pads[1]! - dilation * (k - 1) - 1) / stride) + 1;
        activation(config['activation']);
        break;
      }
      case 'MaxPooling1D':
      case 'AveragePooling1D': {
        channelsFirst();
        const p = first(config['poolSize']);
        const s = first(config['strides'] ?? p);
        const pads = convPads(String(config['padding']), length, p, s, 1);
        const op = kind === 'MaxPooling1D' ? 'MaxPool' : 'AveragePool';
        value = g.node(op, [value], {
          kernel_shape: [p],
          strides: [s],
          pads,
          ...(op === 'AveragePool' ? { count_include_pad: 0 } : {}),
        });
        length = Math.floor((length + pads[0]! + pads[1]! - p) / s) + 1;
        break;
      }
      case 'GlobalMaxPooling1D':
      case 'GlobalAveragePooling1D': {
        channelsFirst();
        const op = kind === 'GlobalMaxPooling1D' ? 'GlobalMaxPool' : 'GlobalAveragePool';
        value = g.node('Flatten', [g.node(op, [value])], { axis: 1 });
        at.layout = 'flat';
        break;
      }
      case 'BatchNormalization': {
        const axis = config['axis'];
        if (axis !== -1 && axis !== (at.layout === 'flat' ? 1 : 2)) {
          throw new OnnxExportError(
            'UNSUPPORTED_LAYER',
            `${layer.name}: batch norm over axis ${String(axis)}`,
          );
        }
        if (at.layout === 'channels-last') channelsFirst();
        const names = ['gamma', 'beta', 'moving_mean', 'moving_variance'];
        const byName = new Map(
          layer.weights.map((w, i) => [w.originalName.split('/').at(-1), weights[i]]),
        );
        const c = (byName.get('moving_mean') as Float32Array).length;
        const tensors = names.map((n) => {
          const v = byName.get(n) ?? new Float32Array(c).fill(n === 'gamma' ? 1 : 0);
          return g.float32(`${layer.name}_${n}`, v, [c]);
        });
        value = g.node('BatchNormalization', [value, ...tensors], {
          epsilon: { float: Number(config['epsilon']) },
        });
        break;
      }
      case 'Activation':
        activation(config['activation']);
        break;
      case 'Dropout':
      case 'SpatialDropout1D':
        break;
      case 'Flatten':
        if (at.layout === 'channels-first')
          value = g.node('Transpose', [value], { perm: [0, 2, 1] });
        value = g.node('Flatten', [value], { axis: 1 });
        at.layout = 'flat';
        break;
      case 'Dense': {
        if (at.layout !== 'flat')
          throw new OnnxExportError(
            'UNSUPPORTED_LAYER',
            `${layer.name}: Dense on a ${at.layout} sequence`,
          );
        const [inputs, units] = layer.getWeights()[0]?.shape as [number, number];
        value = g.node('MatMul', [
          value,
          g.float32(`${layer.name}_kernel`, weights[0] as Float32Array, [inputs, units]),
        ]);
        if (config['useBias'] !== false)
          value = g.node('Add', [
            value,
            g.float32(`${layer.name}_bias`, weights[1] as Float32Array, [units]),
          ]);
        activation(config['activation']);
        break;
      }
      default:
        throw new OnnxExportError(
          'UNSUPPORTED_LAYER',
          `${layer.name}: ${kind} layers do not export to ONNX`,
        );
    }
  }
  const outputShape = model.outputs[0]?.shape.slice(1) as number[];
  if (at.layout === 'channels-first') value = g.node('Transpose', [value], { perm: [0, 2, 1] });
  value = g.node('Identity', [value]);
  return g.model(
    { name: 'x', shape: [0, ...inputShape] },
    { name: value, shape: [0, ...outputShape] },
  );
}

function first(value: unknown): number {
  return Array.isArray(value) ? Number(value[0]) : Number(value);
}

/** [left, right] zero padding of a 1-D window: tf's 'valid', 'same' (extra on the right), 'causal'. */
function convPads(
  padding: string,
  length: number,
  k: number,
  stride: number,
  dilation: number,
): [number, number] {
  const effective = (k - 1) * dilation + 1;
  if (padding === 'valid') return [0, 0];
  if (padding === 'causal') return [effective - 1, 0];
  const out = Math.ceil(length / stride);
  const total = Math.max(0, (out - 1) * stride + effective - length);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** [k, cin, cout] → [cout, cin, k]. */
function kernelChannelsFirst(w: Float32Array, k: number, cin: number, cout: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let t = 0; t < k; t++)
    for (let i = 0; i < cin; i++)
      for (let o = 0; o < cout; o++)
        out[(o * cin + i) * k + t] = w[(t * cin + i) * cout + o] as number;
  return out;
}

const ACTIVATIONS: Record<string, string | undefined> = {
  relu: 'Relu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
};

function activate(g: OnnxGraph, value: string, name: string, layer: string): string {
  if (name === 'linear') return value;
  const op = ACTIVATIONS[name];
  if (op === undefined)
    throw new OnnxExportError('UNSUPPORTED_LAYER', `${layer}: activation "${name}"`);
  return g.node(op, [value], op === 'Softmax' ? { axis: -1 } : {});
}
