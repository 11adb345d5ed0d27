import * as tf from '@tensorflow/tfjs';

/** Constructor arguments of `DilatedConv1D`. */
export interface DilatedConv1DArgs {
  name: string;
  filters: number;
  /** Odd, so 'same' padding is symmetric. */
  kernelSize: number;
  dilation: number;
  activation: 'relu' | 'linear';
  /** Seed of the Glorot-uniform kernel initializer. */
  initSeed: number;
  trainable?: boolean;
}

/**
 * A 1-D convolution with dilation and 'same' padding, written as im2col + one matmul: tfjs 4.22
 * computes dilated convolutions but its Conv2D gradient asserts dilation 1 ("dilation rates
 * greater than 1 are not yet supported in gradients"), so `tf.layers.conv1d` with a
 * `dilationRate` cannot train. Here the k shifted views of the padded input are concatenated
 * along channels ([n, L, k·C]) and multiplied by the kernel reshaped to [k·C, filters]; slice,
 * concat and matmul all have gradients on every backend. Weights: kernel [k, C, filters], bias.
 */
export class DilatedConv1D extends tf.layers.Layer {
  static readonly className = 'StrandDilatedConv1D';
  readonly filters: number;
  readonly kernelSize: number;
  readonly dilation: number;
  readonly activation: 'relu' | 'linear';
  readonly initSeed: number;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: DilatedConv1DArgs) {
    super({ name: args.name, trainable: args.trainable ?? true });
    this.filters = args.filters;
    this.kernelSize = args.kernelSize;
    this.dilation = args.dilation;
    this.activation = args.activation;
    this.initSeed = args.initSeed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = (inputShape as tf.Shape).at(-1) as number;
    const init = tf.initializers.glorotUniform({ seed: this.initSeed });
    this.kernel = this.addWeight(
      'kernel',
      [this.kernelSize, channels, this.filters],
      'float32',
      init,
    );
    this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return [shape[0] ?? null, shape[1] ?? null, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const out = this.linear((Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D);
      return this.activation === 'relu' ? tf.relu(out) : out;
    });
  }

  /**
   * The convolution before its activation, [n, L, filters]: what DeepLIFT's rescale rule needs
   * apart from the activation (interpret/deeplift).
   */
  linear(x: tf.Tensor3D): tf.Tensor3D {
    return tf.tidy(() => {
      const [n, length, channels] = x.shape;
      const half = ((this.kernelSize - 1) / 2) * this.dilation;
      const padded = tf.pad(x, [
        [0, 0],
        [half, half],
        [0, 0],
      ]);
      const views = Array.from({ length: this.kernelSize }, (_, j) =>
        tf.slice(padded, [0, j * this.dilation, 0], [n, length, channels]),
      );
      const columns = tf.reshape(tf.concat(views, 2), [n * length, this.kernelSize * channels]);
      const kernel = tf.reshape(this.kernel?.read() as tf.Tensor, [
        this.kernelSize * channels,
        this.filters,
      ]);
      const out = tf.add(tf.matMul(columns, kernel), this.bias?.read() as tf.Tensor);
      return tf.reshape(out, [n, length, this.filters]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      dilation: this.dilation,
      activation: this.activation,
      initSeed: this.initSeed,
    };
  }
}
tf.serialization.registerClass(DilatedConv1D);
