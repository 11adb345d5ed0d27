import * as tf from '@tensorflow/tfjs';
import type { AdamUpdateAttrs } from '../backend/adam-update.ts';
import { ADAM_UPDATE } from '../backend/adam-update.ts';
import { registerCpuKernels } from '../backend/cpu/register-cpu-kernels.ts';
import { TrainingInputError } from './training-input.error.ts';

/** What `Optimizer.applyGradients` takes: gradients by variable name, or a named list. */
type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

/** tfjs-core 4.22 AdamOptimizer's private state, which the fused update reads and assigns. */
interface AdamSlots {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: (AdamSlot | undefined)[];
  accumulatedSecondMoment: (AdamSlot | undefined)[];
}

/** One moment of one variable, as tfjs' AdamOptimizer keeps it. */
interface AdamSlot {
  originalName: string;
  variable: tf.Variable;
}

/**
 * tfjs' Adam with the whole update in ONE kernel call (`StrandAdamUpdate`, see
 * ../backend/adam-update.ts) instead of ~13 small kernels per variable, each paying tfjs'
 * per-kernel overhead (~75 calls a step for a 6-variable DeepBind). Everything else is
 * `tf.AdamOptimizer`'s: the same slot variables (`<name>/m`, `<name>/v`, created the same way,
 * in the same order), accBeta1/accBeta2, iterations, getWeights/setWeights, so
 * `captureOptimizerState`/`restoreOptimizerState` and existing checkpoints work unchanged; the
 * same arithmetic, so results equal `tf.train.adam`'s. On a backend without the kernel
 * (tensorflow, i.e. tfjs-node) or with non-float32 variables it runs tfjs' own update.
 *
 * @example const optimizer = new StrandAdamOptimizer(1e-3); optimizer.minimize(loss);
 */
export class StrandAdamOptimizer extends tf.AdamOptimizer {
  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
    registerCpuKernels();
  }

  /** Whether `backend` (default: the current one) runs the fused update. */
  static fusedOn(backend: string = tf.getBackend()): boolean {
    return tf.getKernel(ADAM_UPDATE, backend) !== undefined;
  }

  /**
   * Makes the moments of `variables` now (zeros), as the first `applyGradients` given them in
   * this order would. Why: made at the first update, after the step's activations, 2 × the
   * model's size of new tensors leave the wasm heap to grow and fault in fresh pages at the next
   * step (DeepSEA: 376 MB, about a second a worker); made before the first forward pass, they
   * take the place the last run's moments left. Slots that exist are kept.
   */
  createSlots(variables: readonly tf.Variable[]): void {
    const slots = this as unknown as AdamSlots;
    variables.forEach((value, i) => {
      slots.accumulatedFirstMoment[i] ??= slot(value, `${value.name}/m`);
      slots.accumulatedSecondMoment[i] ??= slot(value, `${value.name}/v`);
    });
  }

  override applyGradients(gradients: Gradients): void {
    const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
    const registered = tf.engine().registeredVariables;
    const variables = names.map((name) => {
      const variable = registered[name];
      if (variable === undefined) {
        throw new TrainingInputError(`applyGradients: "${name}" is not a registered variable`);
      }
      return variable;
    });
    const grads = names.map((name, i) =>
      Array.isArray(gradients) ? gradients[i]?.tensor : gradients[name],
    );
    const float32 = [...variables, ...grads].every((t) => t == null || t.dtype === 'float32');
    if (!float32 || !StrandAdamOptimizer.fusedOn()) {
      // tfjs declares a variable map, but reads it as the tensor map Optimizer declares.
      super.applyGradients(gradients as Parameters<tf.AdamOptimizer['applyGradients']>[0]);
      return;
    }
    const slots = this as unknown as AdamSlots;
    const inputs: tf.NamedTensorMap = { accBeta1: slots.accBeta1, accBeta2: slots.accBeta2 };
    const targets: tf.Variable[] = [];
    // As tfjs: slots are made on first use (even for a variable without a gradient).
    this.createSlots(variables);
    variables.forEach((value, i) => {
      const m = (slots.accumulatedFirstMoment[i] as AdamSlot).variable;
      const v = (slots.accumulatedSecondMoment[i] as AdamSlot).variable;
      const gradient = grads[i];
      if (gradient == null) return;
      const k = targets.length / 3;
      Object.assign(inputs, { [`value${k}`]: value, [`m${k}`]: m, [`v${k}`]: v });
      inputs[`gradient${k}`] = gradient;
      targets.push(value, m, v);
    });
    const attrs: AdamUpdateAttrs = {
      count: targets.length / 3,
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      // The outputs are assigned to the very variables they update (values and slots).
      inPlace: true,
    };
    tf.tidy(() => {
      const out = tf
        .engine()
        .runKernel<tf.Tensor[]>(ADAM_UPDATE, inputs, attrs as unknown as tf.NamedAttrMap);
      slots.accBeta1.assign(out[0] as tf.Tensor);
      slots.accBeta2.assign(out[1] as tf.Tensor);
      targets.forEach((target, j) => target.assign(out[j + 2] as tf.Tensor));
    });
    this.incrementIterations();
  }
}

function slot(value: tf.Variable, originalName: string): AdamSlot {
  return { originalName, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}
