import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1dGemm } from './conv1d-gemm.ts';
import { conv1dGeometry } from './conv1d-geometry.ts';

/**
 * `Conv2D` for wasm when it is a conv1d (what `tf.layers.conv1d` runs: x [N, 1, W, C], filter
 * [1, fW, C, Co], NHWC, float32, no dilation), as a product in Strand's SIMD GEMM without an
 * im2col copy (conv1d-gemm.ts); the filter in HWIO order is already B [fW·C, Co]. The wasm
 * kernel (XNNPACK) took 1.4 ms on the DeepBind batch (64 × 101 × 4 by 12 × 4 × 64); this
 * 1.0 ms. Any other convolution goes to the kernel it replaces.
 */
export function conv2dConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Conv2D,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dilations, dimRoundingMode } =
        args.attrs as unknown as tf.Conv2DAttrs;
      const conv1d =
        dataFormat === 'NHWC' &&
        x.dtype === 'float32' &&
        filter.dtype === 'float32' &&
        x.shape[1] === 1 &&
        filter.shape[0] === 1;
      if (!conv1d) return original.kernelFunc(args);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filter.shape as [number, number, number, number],
        strides,
        dilations,
        pad,
        dimRoundingMode,
      );
      const { padInfo } = info;
      if (
        info.dilationWidth !== 1 ||
        info.dilationHeight !== 1 ||
        info.outHeight !== 1 ||
        padInfo.top !== 0 ||
        padInfo.bottom !== 0
      ) {
        return original.kernelFunc(args);
      }
      const wasm = args.backend as BackendWasm;
      const out = wasm.makeOutput([info.batchSize, 1, info.outWidth, info.outChannels], 'float32');
      const [px, pf, po] = [x, filter, out].map((t) => wasm.getMemoryOffset(t.dataId));
      conv1dGemm(wasm, px as number, pf as number, po as number, conv1dGeometry(info));
      return out;
    },
  };
}
