/**
 * LabelledData as a model of some task trains on and is scored against: the inputs (and the
 * second input, when the data has feature columns), the targets the task reads, the output
 * heads of a multi-output model, and the names of the outputs.
 */
import { bpnetHeads, layoutHeads } from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  BpnetConfig,
  OutputHead,
  TrainingData,
} from '@strand/models';
import type { DataShape, LabelledData } from './labelled-data.ts';
import type * as tf from '@tensorflow/tfjs';

/** Whether a task trains on the data's count profile (see architecture-for-data.ts). */
function onProfile(task: ArchitectureTask, data: DataShape): boolean {
  return task === 'profile' || (task === 'regression' && data.profile !== undefined);
}

/**
 * The data as trainModel takes it for `task`: `y` is the count profile [length × tracks] for
 * `profile`, log(1 + total counts) per track for `regression` on a profile, the 0/1 columns
 * of multitask data, else the class indices. Feature columns become `extraInputs[0]`.
 */
export function trainingData(data: LabelledData, task: ArchitectureTask = 'binary'): TrainingData {
  const base: TrainingData = {
    x: data.x,
    y: Float32Array.from(data.labels),
    count: data.count,
    length: data.length,
    alphabetSize: data.alphabetSize,
    ...(data.extraInput ? { extraInputs: [data.extraInput] } : {}),
  };
  if (onProfile(task, data) && data.profile && data.profileCounts) {
    const tracks = data.profile.tracks;
    if (task === 'profile') {
      return { ...base, y: data.profileCounts, labelWidth: data.length * tracks };
    }
    return {
      ...base,
      y: logTotals(data.profileCounts, data.count, data.length, tracks),
      labelWidth: tracks,
    };
  }
  if (task === 'multitask' && data.tasks && data.taskLabels) {
    return { ...base, y: data.taskLabels, labelWidth: data.tasks.length };
  }
  return base;
}

/** log(1 + Σ positions) per row and track of counts [count, length, tracks]. */
function logTotals(counts: Float32Array, count: number, length: number, tracks: number) {
  const out = new Float32Array(count * tracks);
  for (let r = 0; r < count; r++) {
    for (let t = 0; t < tracks; t++) {
      let total = 0;
      for (let p = 0; p < length; p++) total += counts[(r * length + p) * tracks + t];
      out[r * tracks + t] = Math.log1p(total);
    }
  }
  return out;
}

/** The heads of a multi-output architecture (BPNet's profile + counts), or undefined. */
export function headsFor(
  architecture: ArchitectureName,
  config: ArchitectureConfig,
  task: ArchitectureTask,
): OutputHead[] | undefined {
  if (task !== 'profile') return undefined;
  return architecture === 'bpnet' ? bpnetHeads(config as BpnetConfig) : undefined;
}

/**
 * `heads` with their λ as trainModel computed it from `train` (weightByMeanTotal resolved into
 * an absolute weight), so that test metrics weigh the heads as training did.
 */
export function resolvedHeads(
  heads: readonly OutputHead[],
  model: tf.LayersModel,
  train: TrainingData,
): OutputHead[] {
  const rows = Array.from({ length: train.count }, (_, i) => i);
  return layoutHeads(heads, model, train, rows).map((h) => ({
    name: h.name,
    loss: h.loss,
    weight: h.weight,
    columns: [h.from, h.to] as const,
    target: h.target,
  }));
}

/**
 * Names of the outputs, in output order: the label columns of multitask data, the tracks of a
 * profile (`counts`, or `counts_1`, `counts_2`, …), else the class names.
 */
export function outputNames(data: DataShape, task: ArchitectureTask): string[] {
  if (onProfile(task, data) && data.profile) {
    const { column, tracks } = data.profile;
    return tracks === 1 ? [column] : Array.from({ length: tracks }, (_, t) => `${column}_${t + 1}`);
  }
  if (task === 'multitask' && data.tasks) return [...data.tasks];
  return [...data.labelNames];
}
