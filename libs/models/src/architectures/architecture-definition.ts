import type * as tf from '@tensorflow/tfjs';
import type { FieldError } from './architecture-config.error.ts';
import type { FieldSpecs } from './config-fields.ts';

/**
 * What the first model input holds. Every model's first input is [length, alphabetSize]:
 * - `sequence`: one-hot DNA, [length, 4];
 * - `features`: a vector of `length` values (e.g. gene expression), [length, 1] (or
 *   [length, alphabetSize], flattened by the model);
 * - `ordered-features`: `length` ordered steps of `alphabetSize` features each (for RNNs);
 * - `multimodal`: like `features`, plus a second input described by the config;
 * - `sequence+cpg`: one-hot DNA plus a second input of neighbouring CpG states.
 */
export type InputKind =
  'sequence' | 'features' | 'ordered-features' | 'multimodal' | 'sequence+cpg';

/**
 * The loss and metrics an architecture's output calls for (see `trainModel`'s `task`); `profile`
 * is BPNet's two outputs (profile logits + log counts) trained on per-position counts.
 */
export type ArchitectureTask =
  'binary' | 'multitask' | 'multiclass' | 'regression' | 'reconstruction' | 'profile';

/** The shape of the first input: `length` positions × `alphabetSize` channels. */
export interface InputShape {
  length: number;
  alphabetSize: number;
}

/** One entry of the architecture registry. */
export interface ArchitectureDefinition<C extends object> {
  /** One sentence for catalogues (the API's `architectures` query). */
  description: string;
  inputKind: InputKind;
  /** The task a config trains for (most architectures have one; `mlp` and `lstm` choose). */
  task: (config: C) => ArchitectureTask;
  defaults: Readonly<C>;
  fields: FieldSpecs<C>;
  /** Checks across fields and against the input shape, run once every field is valid. */
  check?: (config: C, input: InputShape) => FieldError[];
  /** Builds the untrained model; equal seeds give equal weights. */
  build: (config: C, input: InputShape, seed: number) => tf.LayersModel;
}
