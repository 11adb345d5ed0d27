import * as tf from '@tensorflow/tfjs';

/** Constructor arguments of `VaeSampling`. */
export interface VaeSamplingArgs {
  name: string;
  /** Seed of the noise ε; Strand's training loop reseeds it before every step. */
  seed?: number;
  /** Weight of the KL term per sample, relative to the per-value reconstruction loss. */
  klScale: number;
  trainable?: boolean;
}

/**
 * The reparameterisation of a variational autoencoder (Kingma & Welling, ICLR 2014):
 * inputs [mean, logVar]; in training z = mean + exp(logVar / 2) · ε with seeded ε ~ N(0, 1),
 * in inference z = mean.
 *
 * The KL term KL(N(mean, σ²) ‖ N(0, 1)) = −½ Σ (1 + logVar − mean² − exp(logVar)) enters
 * through the gradient, not the loss value: tfjs-layers has no activity losses (`addLoss` takes
 * input-free closures, and `Layer.apply` rejects activity regularizers) and Strand's loop
 * optimises only the task loss. So, as a `tf.customGrad`, the backward pass adds
 * klScale · ∂KL/∂mean = klScale · mean and klScale · ∂KL/∂logVar = klScale · ½(exp(logVar) − 1),
 * each divided by the batch size (the loss is a batch mean). The parameters then follow the
 * gradient of reconstruction + klScale · mean KL exactly; the reported loss omits the KL.
 */
export class VaeSampling extends tf.layers.Layer {
  static readonly className = 'StrandVaeSampling';
  /** Public and named `seed` so `reseedDropout` can give each step fresh noise. */
  seed: number | undefined;
  readonly klScale: number;

  constructor(args: VaeSamplingArgs) {
    super({ name: args.name, trainable: args.trainable ?? true });
    this.seed = args.seed ?? undefined;
    this.klScale = args.klScale;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (inputShape as tf.Shape[])[0] as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const [mean, logVar] = inputs as tf.Tensor[];
    if (mean === undefined || logVar === undefined) {
      throw new Error(`${this.name}: expects two inputs [mean, logVar]`);
    }
    if (kwargs['training'] !== true) return tf.clone(mean);
    const epsilon = tf.randomNormal(mean.shape, 0, 1, 'float32', this.seed);
    return sampleWithKlGradient(this.klScale)(mean, logVar, epsilon);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), klScale: this.klScale, seed: this.seed ?? null };
  }
}
tf.serialization.registerClass(VaeSampling);

function sampleWithKlGradient(klScale: number) {
  return tf.customGrad((mean, logVar, epsilon, save) => {
    const m = mean as tf.Tensor;
    const lv = logVar as tf.Tensor;
    const e = epsilon as tf.Tensor;
    (save as tf.GradSaveFunc)([m, lv, e]);
    return {
      value: tf.add(m, tf.mul(tf.exp(tf.mul(lv, 0.5)), e)),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [sm, slv, se] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const dz = dy as tf.Tensor;
        const perRow = klScale / (sm.shape[0] as number);
        const sigma = tf.exp(tf.mul(slv, 0.5));
        const dMean = tf.add(dz, tf.mul(sm, perRow));
        const dLogVar = tf.add(
          tf.mul(dz, tf.mul(tf.mul(sigma, se), 0.5)),
          tf.mul(tf.sub(tf.exp(slv), 1), 0.5 * perRow),
        );
        return [dMean, dLogVar, tf.zerosLike(se)];
      },
    };
  });
}
