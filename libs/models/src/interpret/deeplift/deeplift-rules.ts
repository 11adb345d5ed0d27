/**
 * The per-layer rules of DeepLIFT (see deeplift-graph.ts): each turns the multipliers of a
 * layer's output (for the input half of the batch) into multipliers of its input, given the
 * layer's input and output for both the inputs (x) and their references (r). Call inside
 * `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs';
import { DilatedConv1D } from '../../architectures/dilated-conv1d.layer.ts';

/** Below this |Δx| the rescale rule falls back to the gradient (tangermeme and Captum: 1e-6). */
const RESCALE_EPSILON = 1e-6;
/** Below this |Δx| a max-pool input gets no multiplier (its routed difference is 0 anyway). */
const POOL_EPSILON = 1e-7;
/** Quadrature points of the local integrated gradients of a recurrent layer. */
export const LOCAL_IG_POINTS = 16;

interface WithActivation {
  activation?: { apply(x: tf.Tensor): tf.Tensor } | string;
}

/** The elementwise function a layer's activation applies (the layer's own, for exact parity). */
export function activationFunction(layer: tf.layers.Layer): (z: tf.Tensor) => tf.Tensor {
  if (layer instanceof DilatedConv1D) {
    return layer.activation === 'relu' ? (z) => tf.relu(z) : (z) => z;
  }
  const activation = (layer as unknown as WithActivation).activation;
  if (activation === undefined || typeof activation === 'string') return (z) => z;
  return (z) => activation.apply(z);
}

/** The affine part of a Conv1D, Dense or DilatedConv1D layer (its output before activation). */
export function affinePart(layer: tf.layers.Layer, x: tf.Tensor): tf.Tensor {
  if (layer instanceof DilatedConv1D) return layer.linear(x as tf.Tensor3D);
  const [weights, bias] = layer.getWeights();
  const kernel = weights as tf.Tensor;
  const config = layer.getConfig();
  if (layer.getClassName() === 'Dense') {
    const units = kernel.shape[1] as number;
    const flat = x.reshape([-1, x.shape[x.rank - 1] as number]).matMul(kernel as tf.Tensor2D);
    const out = flat.reshape([...x.shape.slice(0, -1), units]);
    return bias ? out.add(bias) : out;
  }
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as number;
  const stride = first(config['strides'] ?? 1);
  const dilation = first(config['dilationRate'] ?? 1);
  let input = x as tf.Tensor3D;
  let padding = config['padding'] as 'valid' | 'same' | 'causal';
  if (padding === 'causal') {
    const k = kernel.shape[0] as number;
    input = input.pad([
      [0, 0],
      [(k - 1) * dilation, 0],
      [0, 0],
    ]);
    padding = 'valid';
  }
  const out = tf.conv1d(input, kernel as tf.Tensor3D, stride, padding, 'NWC', dilation);
  return bias ? out.add(bias) : out;
}

/**
 * The rescale rule: the output multipliers `q` times Δy/Δx elementwise, or times the gradient
 * at x where |Δx| is below RESCALE_EPSILON.
 */
export function rescale(
  f: (z: tf.Tensor) => tf.Tensor,
  zx: tf.Tensor,
  zr: tf.Tensor,
  ax: tf.Tensor,
  ar: tf.Tensor,
  q: tf.Tensor,
): tf.Tensor {
  const dz = zx.sub(zr);
  const small = dz.abs().less(RESCALE_EPSILON);
  const safe = tf.where(small, tf.onesLike(dz), dz);
  const gradient = tf.grad((z: tf.Tensor) => f(z))(zx);
  return q.mul(tf.where(small, gradient, ax.sub(ar).div(safe)));
}

/** Sends each window's value `g` to the first arg-max of `v` in that window: [n, L, C]. */
function routeToMax(v: tf.Tensor3D, g: tf.Tensor3D, pool: number): tf.Tensor3D {
  const [n, length, channels] = v.shape;
  const windows = Math.floor(length / pool);
  const used = windows * pool;
  const grouped = v.slice([0, 0, 0], [n, used, channels]).reshape([n, windows, pool, channels]);
  const where = grouped.argMax(2).reshape([-1]) as tf.Tensor1D;
  // An int32 one-hot cast to float: the WASM backend's OneHot writes zeros for a float32 dtype.
  const hot = tf
    .oneHot(where, pool)
    .cast('float32')
    .reshape([n, windows, channels, pool])
    .transpose([0, 1, 3, 2]);
  const routed = hot.mul(g.reshape([n, windows, 1, channels])).reshape([n, used, channels]);
  return (
    used === length
      ? routed
      : routed.pad([
          [0, 0],
          [0, length - used],
          [0, 0],
        ])
  ) as tf.Tensor3D;
}

/**
 * Max pooling's rule (shap's `maxpool` handler, Captum's `maxpool`): with m = max(y_x, y_r), the
 * part m − y_r of Δy goes to the arg-max of x's window and y_x − m to the arg-max of r's; an
 * input's multiplier is what it received over its Δx. `pool` null: one global window.
 */
export function maxPoolRule(
  xin: tf.Tensor3D,
  rin: tf.Tensor3D,
  xout: tf.Tensor,
  rout: tf.Tensor,
  q: tf.Tensor,
  pool: number | null,
): tf.Tensor3D {
  const [n, length, channels] = xin.shape;
  const size = pool ?? length;
  const shape: [number, number, number] = [
    n,
    pool === null ? 1 : Math.floor(length / size),
    channels,
  ];
  const top = tf.maximum(xout, rout);
  const toX = q.mul(top.sub(rout)).reshape(shape) as tf.Tensor3D;
  const toR = q.mul(xout.sub(top)).reshape(shape) as tf.Tensor3D;
  const received = routeToMax(xin, toX, size).add(routeToMax(rin, toR, size));
  const dx = xin.sub(rin);
  const small = dx.abs().less(POOL_EPSILON);
  const safe = tf.where(small, tf.onesLike(dx), dx);
  return tf.where(small, tf.zerosLike(dx), received.div(safe)) as tf.Tensor3D;
}

let nodesCache: { nodes: number[]; weights: number[] } | undefined;

/** Gauss–Legendre nodes and weights on [0, 1] (Newton's method on P_n, Golub–Welsch-free). */
export function gaussLegendre(points: number): { nodes: number[]; weights: number[] } {
  if (points === LOCAL_IG_POINTS && nodesCache) return nodesCache;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= points; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (points + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= points; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (points * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    nodes.push((1 - x) / 2);
    weights.push(1 / ((1 - x * x) * derivative * derivative));
  }
  const result = { nodes, weights };
  if (points === LOCAL_IG_POINTS) nodesCache = result;
  return result;
}

/**
 * The error per row a recurrent layer's local integrated gradients may leave: this plus 1e-4 of
 * the row's |Σ Δy·q| — a tenth of the 1e-3 that tangermeme warns about.
 */
export const LOCAL_IG_TOLERANCE = 1e-4;
/** Subintervals of the path at most (each with LOCAL_IG_POINTS points). */
const MAX_INTERVALS = 32;

/**
 * A recurrent layer's multipliers: the mean vector–Jacobian product along the straight path
 * from r to x (integrated gradients of the layer alone, tangermeme's make_local_ig_autograd),
 * by composite Gauss–Legendre quadrature. A saturating LSTM makes the integrand steep, so the
 * path is halved until every row's Σ Δx·m matches Σ Δy·q within LOCAL_IG_TOLERANCE (or
 * MAX_INTERVALS is reached): the summation-to-delta property then holds to that tolerance.
 */
export function localIgRule(
  layer: tf.layers.Layer,
  xin: tf.Tensor,
  rin: tf.Tensor,
  xout: tf.Tensor,
  rout: tf.Tensor,
  q: tf.Tensor,
): tf.Tensor {
  const { nodes, weights } = gaussLegendre(LOCAL_IG_POINTS);
  const dx = xin.sub(rin);
  const rows = xin.shape[0] as number;
  const axes = Array.from({ length: xin.rank - 1 }, (_, i) => i + 1);
  const target = xout
    .sub(rout)
    .mul(q)
    .sum(axes.slice(0, xout.rank - 1));
  const apply = (z: tf.Tensor) => layer.apply(z, { training: false }) as tf.Tensor;
  let m: tf.Tensor | undefined;
  for (let intervals = 1; intervals <= MAX_INTERVALS; intervals *= 2) {
    const ts: number[] = [];
    const ws: number[] = [];
    for (let k = 0; k < intervals; k++) {
      nodes.forEach((t, i) => {
        ts.push((k + t) / intervals);
        ws.push((weights[i] as number) / intervals);
      });
    }
    const points = tf.concat(ts.map((t) => rin.add(dx.mul(t))));
    const seeds = tf.concat(ws.map((w) => q.mul(w)));
    const vjp = tf.grad(apply)(points, seeds);
    m = vjp.reshape([ts.length, ...xin.shape]).sum(0);
    const excess = dx
      .mul(m)
      .sum(axes)
      .sub(target)
      .abs()
      .sub(target.abs().mul(1e-4).add(LOCAL_IG_TOLERANCE))
      .max()
      .dataSync()[0] as number;
    if (excess <= 0 || rows === 0) break;
  }
  return m as tf.Tensor;
}
