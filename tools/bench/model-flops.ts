/**
 * Floating-point operations of a model, counted from its layers (a multiply-add is 2 FLOPs), so
 * a benchmark can print effective GFLOP/s = FLOPs ÷ time for any engine on the same network.
 * Counted: Conv1D/Conv2D, Dense and LSTM/GRU cells (also inside Bidirectional); pooling, batch
 * norm, activations and the loss are ignored (a few % of a conv net). A training step costs the
 * forward pass, the weight gradient (same FLOPs again) and the input gradient (again) except for
 * the first weighted layer, whose input needs no gradient.
 */
import type * as tf from '@tensorflow/tfjs';

/** Forward FLOPs per sample of each weighted layer, in order. */
export function layerFlops(model: tf.LayersModel): { name: string; flops: number }[] {
  const out: { name: string; flops: number }[] = [];
  for (const layer of model.layers) {
    const flops = flopsOf(layer);
    if (flops > 0) out.push({ name: layer.name, flops });
  }
  return out;
}

/** FLOPs of one sample's forward pass and of one sample's training step. */
export function modelFlops(model: tf.LayersModel): { forward: number; train: number } {
  const layers = layerFlops(model);
  const forward = layers.reduce((s, l) => s + l.flops, 0);
  const firstInputGradient = layers[0]?.flops ?? 0;
  return { forward, train: 3 * forward - firstInputGradient };
}

function shapeOf(t: tf.SymbolicTensor | tf.SymbolicTensor[]): number[] {
  return (Array.isArray(t) ? (t[0] as tf.SymbolicTensor) : t).shape.slice(1) as number[];
}

function flopsOf(layer: tf.layers.Layer): number {
  const kind = layer.getClassName();
  const config = layer.getConfig() as Record<string, unknown>;
  const input = shapeOf(layer.input);
  const output = shapeOf(layer.output);
  const last = (shape: number[]) => shape[shape.length - 1] as number;
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  if (kind === 'Conv1D' || kind === 'Conv2D') {
    const kernel = ([] as number[]).concat(config['kernelSize'] as number | number[]);
    const window = kernel.reduce((a, b) => a * b, 1) * last(input);
    return 2 * size(output) * window;
  }
  if (kind === 'Dense') return 2 * size(input) * last(output);
  if (kind === 'Bidirectional') {
    const inner = (layer as unknown as { forwardLayer: tf.layers.Layer }).forwardLayer;
    return 2 * recurrentFlops(inner, input);
  }
  if (kind === 'LSTM' || kind === 'GRU') return recurrentFlops(layer, input);
  return 0;
}

function recurrentFlops(layer: tf.layers.Layer, input: number[]): number {
  const units = (layer.getConfig() as { units: number }).units;
  const gates = layer.getClassName() === 'GRU' ? 3 : 4;
  const [steps, features] = input as [number, number];
  return steps * 2 * gates * units * (features + units);
}
