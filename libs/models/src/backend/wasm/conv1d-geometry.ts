import type * as tf from '@tensorflow/tfjs';
import type { Conv1dGeometry } from './conv1d-gemm.ts';

/** The conv1d sizes of a Conv2DInfo whose input has one row (x [N, 1, W, C]). */
export function conv1dGeometry(info: tf.backend_util.Conv2DInfo): Conv1dGeometry {
  return {
    batch: info.batchSize,
    width: info.inWidth,
    channels: info.inChannels,
    filterWidth: info.filterWidth,
    outChannels: info.outChannels,
    stride: info.strideWidth,
    left: info.padInfo.left,
    outWidth: info.outWidth,
  };
}
