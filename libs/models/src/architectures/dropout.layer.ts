import * as tf from '@tensorflow/tfjs';

/** Constructor arguments of `Dropout` (those of tf.layers.dropout). */
export interface DropoutArgs {
  name?: string;
  /** Share of the values dropped in training, in [0, 1]. */
  rate: number;
  /** Shape of the mask (null dimensions: the input's); default the input's shape. */
  noiseShape?: (number | null)[];
  /** Seed of the mask; Strand's training loop reseeds it before every step (reseedDropout). */
  seed?: number;
  trainable?: boolean;
}

/**
 * TF.js' Dropout with the same masks, without a new array per step. tf.dropout draws its noise
 * with tf.randomUniform, which fills a new Float32Array of the noise's size in JavaScript and
 * uploads it: for DeepSEA at batch 64 that is ~1.1 MB of short-lived buffers per step (~350 MB a
 * minute), freed only when V8 collects them, and the allocator keeps the fragmented memory, so
 * the peak RSS of a long epoch grew with its length. This layer draws the same numbers (the Alea
 * generator tfjs seeds with the same seed) into one buffer per layer, reused on the wasm backend
 * (which copies a tensor's values into its own memory when the tensor is made); other backends
 * may keep the array they are given, so there it is a new one each step, as before. Then the
 * same ops as tf.dropout: x · floor(u + keep) / keep.
 *
 * Registered under tfjs' class name `Dropout`: a saved model's JSON is unchanged (Keras and
 * tfjs read it as their own Dropout), and a loaded model gets this implementation.
 */
export class Dropout extends tf.layers.Layer {
  static readonly className = 'Dropout';
  readonly rate: number;
  readonly noiseShape: (number | null)[] | undefined;
  /** Public and named `seed` so `reseedDropout` can give each step a fresh mask. */
  seed: number | undefined;
  private noise: Float32Array | undefined;

  constructor(args: DropoutArgs) {
    super(args);
    this.rate = Math.max(Math.min(args.rate, 1), 0);
    this.noiseShape = args.noiseShape ?? undefined;
    this.seed = args.seed ?? undefined;
    this.supportsMasking = true;
  }

  override call(
    inputs: tf.Tensor | tf.Tensor[],
    kwargs: Record<string, unknown>,
  ): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const input = exactlyOne(inputs, this.name);
      if (!(this.rate > 0 && this.rate < 1)) return inputs;
      if (kwargs['training'] !== true) return input;
      if (input.dtype !== 'float32') {
        throw new Error(`${this.name}: dropout needs a float32 input, got ${input.dtype}`);
      }
      const shape = this.noiseShape
        ? this.noiseShape.map((d, i) => d ?? (input.shape[i] as number))
        : input.shape;
      const keep = 1 - this.rate;
      const noise = tf.tensor(this.uniform(shape), shape, 'float32');
      return tf.mul(input, tf.div(tf.floor(tf.add(noise, keep)), keep));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    // As tfjs' Dropout writes it (absent fields stay absent).
    return {
      rate: this.rate,
      noiseShape: this.noiseShape,
      seed: this.seed,
      ...super.getConfig(),
    } as tf.serialization.ConfigDict;
  }

  /** U(0, 1) values of the noise's size, as tf.randomUniform(shape, 0, 1, float32, seed) gives. */
  private uniform(shape: number[]): Float32Array {
    const size = shape.reduce((a, d) => a * d, 1);
    let values: Float32Array;
    if (tf.getBackend() === 'wasm') {
      if (this.noise === undefined || this.noise.length < size) this.noise = new Float32Array(size);
      values = this.noise.length === size ? this.noise : this.noise.subarray(0, size);
    } else {
      values = new Float32Array(size);
    }
    fillAlea(values, this.seed ?? Math.random());
    return values;
  }
}
tf.serialization.registerClass(Dropout);

function exactlyOne(inputs: tf.Tensor | tf.Tensor[], name: string): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  if (inputs.length !== 1) {
    throw new Error(`${name}: expects exactly one input tensor, got ${inputs.length}`);
  }
  return inputs[0] as tf.Tensor;
}

/**
 * Fills `out` with the Alea generator (J. Baagoe) seeded by String(seed): the generator and
 * seeding of seedrandom 3's `alea`, which tf.randomUniform uses, so the values are the same.
 */
export function fillAlea(out: Float32Array, seed: number | string): void {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  const key = String(seed);
  let c = 1;
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(key);
  if (s0 < 0) s0 += 1;
  s1 -= mash(key);
  if (s1 < 0) s1 += 1;
  s2 -= mash(key);
  if (s2 < 0) s2 += 1;
  for (let i = 0; i < out.length; i++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    out[i] = s2;
  }
}
