/**
 * One DeepLIFT pass over a batch of (input, reference) pairs: a forward pass over the inputs
 * and references stacked in one batch (rows 0..n−1 the inputs, n..2n−1 their references, as
 * shap and tangermeme stack them), keeping every layer's output; then the multipliers of the
 * explained value are carried back layer by layer by the rules of deeplift-rules.ts, for the
 * input half only. The multipliers m of the first model input satisfy, per pair,
 * Σ (x − r) · m = f(x) − f(r) (summation-to-delta; exact but for rounding, and for recurrent
 * layers the quadrature).
 */
import * as tf from '@tensorflow/tfjs';
import { InterpretInputError } from '../interpret-input.error.ts';
import type { DeepLiftGraph, DeepLiftNode } from './deeplift-graph.ts';
import {
  activationFunction,
  affinePart,
  localIgRule,
  maxPoolRule,
  rescale,
} from './deeplift-rules.ts';

/** Which value of the model DeepLIFT explains. */
export interface DeepLiftTarget {
  /** The model output (0-based). */
  output: number;
  /** Its column. */
  task: number;
  /**
   * true: the value before the output layer's activation (a sigmoid's or softmax's logit), as
   * TF-MoDISco workflows explain it; false: the output as the model gives it.
   */
  logit: boolean;
}

/** Multipliers of the first input [n, …] and the explained value of all 2n rows. */
export interface DeepLiftPassResult {
  multipliers: tf.Tensor;
  explained: tf.Tensor1D;
}

const half = (t: tf.Tensor, n: number, second: boolean) => t.slice(second ? n : 0, n);

/**
 * Runs the pass (see the file comment). `inputs` holds one 2n-row tensor per model input. Call
 * inside `tf.tidy`.
 */
export function deepLiftPass(
  graph: DeepLiftGraph,
  inputs: tf.Tensor[],
  n: number,
  target: DeepLiftTarget,
  what: string,
): DeepLiftPassResult {
  const values = new Map<number, tf.Tensor>();
  graph.inputs.forEach((id, i) => values.set(id, inputs[i] as tf.Tensor));
  const preActivation = new Map<DeepLiftNode, tf.Tensor>();
  const outputId = graph.outputs[target.output] as number;
  const stripped = (node: DeepLiftNode) =>
    target.logit && node.output === outputId && node.rule.kind !== 'linear';
  const get = (id: number) => values.get(id) as tf.Tensor;

  for (const node of graph.nodes) {
    const ins = node.inputs.map(get);
    const { rule } = node;
    if (rule.kind === 'affine' || rule.kind === 'activation') {
      if ((rule.activation === 'softmax' || rule.activation === 'logSoftmax') && !stripped(node)) {
        throw new InterpretInputError(
          `${what}: layer "${node.layer.name}" applies ${rule.activation}, which DeepLIFT here explains only as the logit of the model's output`,
        );
      }
      const z = rule.kind === 'affine' ? affinePart(node.layer, ins[0] as tf.Tensor) : ins[0];
      preActivation.set(node, z as tf.Tensor);
      values.set(
        node.output,
        stripped(node) ? (z as tf.Tensor) : activationFunction(node.layer)(z as tf.Tensor),
      );
    } else {
      const out = node.layer.apply(ins.length === 1 ? (ins[0] as tf.Tensor) : ins, {
        training: false,
      }) as tf.Tensor;
      values.set(node.output, out);
    }
  }

  const output = get(outputId);
  if (output.rank !== 2) {
    throw new InterpretInputError(
      `${what}: output ${target.output} has shape [${output.shape.slice(1).join(', ')}] per sequence; DeepLIFT here explains outputs of one value per task`,
    );
  }
  const width = output.shape[1] as number;
  if (!Number.isInteger(target.task) || target.task < 0 || target.task >= width) {
    throw new InterpretInputError(
      `${what}: task ${target.task} is out of range: the output has ${width} column${width === 1 ? '' : 's'} (0 to ${width - 1})`,
    );
  }
  const explained = output.slice([0, target.task], [-1, 1]).reshape([-1]) as tf.Tensor1D;

  const multipliers = new Map<number, tf.Tensor>();
  const add = (id: number, m: tf.Tensor) => {
    const existing = multipliers.get(id);
    multipliers.set(id, existing ? existing.add(m) : m);
  };
  const seed = new Float32Array(n * width);
  for (let k = 0; k < n; k++) seed[k * width + target.task] = 1;
  add(outputId, tf.tensor2d(seed, [n, width]));

  for (let k = graph.nodes.length - 1; k >= 0; k--) {
    const node = graph.nodes[k] as DeepLiftNode;
    const q = multipliers.get(node.output);
    if (!q) continue;
    const ins = node.inputs.map(get);
    const xs = ins.map((t) => half(t, n, false));
    const { rule } = node;
    switch (rule.kind) {
      case 'affine':
      case 'activation': {
        const z = preActivation.get(node) as tf.Tensor;
        const a = get(node.output);
        const mz =
          stripped(node) || rule.activation === 'linear'
            ? q
            : rescale(
                activationFunction(node.layer),
                half(z, n, false),
                half(z, n, true),
                half(a, n, false),
                half(a, n, true),
                q,
              );
        const mi =
          rule.kind === 'affine'
            ? tf.grad((x: tf.Tensor) => affinePart(node.layer, x))(xs[0] as tf.Tensor, mz)
            : mz;
        add(node.inputs[0] as number, mi);
        break;
      }
      case 'linear': {
        const apply = (...args: tf.Tensor[]) =>
          node.layer.apply(args.length === 1 ? (args[0] as tf.Tensor) : args, {
            training: false,
          }) as tf.Tensor;
        tf.grads(apply)(xs, q).forEach((m, i) => add(node.inputs[i] as number, m));
        break;
      }
      case 'max-pool':
      case 'global-max-pool': {
        const out = get(node.output);
        const m = maxPoolRule(
          xs[0] as tf.Tensor3D,
          half(ins[0] as tf.Tensor, n, true) as tf.Tensor3D,
          half(out, n, false),
          half(out, n, true),
          q,
          rule.kind === 'max-pool' ? rule.pool : null,
        );
        add(node.inputs[0] as number, m);
        break;
      }
      case 'local-ig': {
        const out = get(node.output);
        const m = localIgRule(
          node.layer,
          xs[0] as tf.Tensor,
          half(ins[0] as tf.Tensor, n, true),
          half(out, n, false),
          half(out, n, true),
          q,
        );
        add(node.inputs[0] as number, m);
        break;
      }
    }
  }
  const first = multipliers.get(graph.inputs[0] as number);
  return {
    multipliers: first ?? tf.zerosLike(half(inputs[0] as tf.Tensor, n, false)),
    explained,
  };
}
