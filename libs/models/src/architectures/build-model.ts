import type * as tf from '@tensorflow/tfjs';
import { ArchitectureConfigError } from './architecture-config.error.ts';
import type { DeepBindConfig } from './deepbind.ts';
import { buildDeepBind } from './deepbind.ts';
import type { ArchitectureName } from './registry.ts';
import { validateArchitectureConfig } from './registry.ts';

/** Everything needed to build a model; `seed` fixes the initial weights. */
export interface ModelSpec {
  architecture: ArchitectureName;
  config: DeepBindConfig;
  inputLength: number;
  alphabetSize: number;
  seed: number;
}

/**
 * Builds an untrained model. Throws `ArchitectureConfigError` (listing every invalid field)
 * when the spec would not pass `validateArchitectureConfig`.
 */
export function buildModel(spec: ModelSpec): tf.LayersModel {
  const input = { length: spec.inputLength, alphabetSize: spec.alphabetSize };
  const checked = validateArchitectureConfig(spec.architecture, spec.config, input);
  if (!checked.ok) throw new ArchitectureConfigError(checked.errors);
  if (!Number.isFinite(spec.seed)) {
    throw new ArchitectureConfigError([
      { field: 'seed', message: `must be a number, got ${spec.seed}` },
    ]);
  }
  return buildDeepBind(checked.config, spec.inputLength, spec.alphabetSize, spec.seed);
}
