import * as tf from '@tensorflow/tfjs';
import type { ArchitectureDefinition } from './architecture-definition.ts';
import { seededDense, seededDropout } from './layer-helpers.ts';

/**
 * A multimodal disease-risk model: an expression branch (first input, [genes, 1]) and a
 * variant-feature branch (second input `variants`, [variantFeatures], e.g. per-gene variant
 * scores) each go through dense layers, are concatenated (late fusion), pass a shared layer,
 * and end in one sigmoid head per task (`head1`, `head2`, …), concatenated as `output`.
 */
export interface RiskConfig {
  /** Width of the second input. */
  variantFeatures: number;
  expressionUnits: number;
  variantUnits: number;
  sharedUnits: number;
  dropout: number;
  /** Number of task heads (e.g. diseases or outcomes), each a probability. */
  tasks: number;
}

export const RISK_DEFAULTS: Readonly<RiskConfig> = Object.freeze({
  variantFeatures: 16,
  expressionUnits: 64,
  variantUnits: 16,
  sharedUnits: 32,
  dropout: 0.2,
  tasks: 2,
});

/** Risk in the registry. Inputs: `expression`, `variants`. */
export const RISK: ArchitectureDefinition<RiskConfig> = {
  description:
    'Multimodal risk model: expression branch + variant-feature branch (dense each) → fusion → shared dense → one sigmoid head per task.',
  inputKind: 'multimodal',
  task: () => 'multitask',
  defaults: RISK_DEFAULTS,
  fields: {
    variantFeatures: { kind: 'integer', min: 1, max: 100_000 },
    expressionUnits: { kind: 'integer', min: 1, max: 4096 },
    variantUnits: { kind: 'integer', min: 1, max: 4096 },
    sharedUnits: { kind: 'integer', min: 1, max: 4096 },
    dropout: { kind: 'rate' },
    tasks: { kind: 'integer', min: 1, max: 64 },
  },
  build: (config, input, seed) => {
    const expression = tf.input({ name: 'expression', shape: [input.length, input.alphabetSize] });
    const variants = tf.input({ name: 'variants', shape: [config.variantFeatures] });
    const flat = tf.layers.flatten({ name: 'flatten' }).apply(expression);
    const e = seededDense(seed, 'expression_dense', config.expressionUnits, 'relu').apply(flat);
    const eDrop = seededDropout(seed, 'expression_dropout', config.dropout).apply(e);
    const v = seededDense(seed, 'variant_dense', config.variantUnits, 'relu').apply(variants);
    const fused = tf.layers
      .concatenate({ name: 'fusion' })
      .apply([eDrop as tf.SymbolicTensor, v as tf.SymbolicTensor]);
    const shared = seededDense(seed, 'shared', config.sharedUnits, 'relu').apply(fused);
    const sharedDrop = seededDropout(seed, 'shared_dropout', config.dropout).apply(shared);
    const heads = Array.from(
      { length: config.tasks },
      (_, i) =>
        seededDense(seed, `head${i + 1}`, 1, 'sigmoid').apply(sharedDrop) as tf.SymbolicTensor,
    );
    const output =
      heads.length === 1
        ? (heads[0] as tf.SymbolicTensor)
        : (tf.layers.concatenate({ name: 'output' }).apply(heads) as tf.SymbolicTensor);
    return tf.model({ name: 'risk', inputs: [expression, variants], outputs: output });
  },
};
