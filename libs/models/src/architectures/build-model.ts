import type * as tf from '@tensorflow/tfjs';
import { ArchitectureConfigError } from './architecture-config.error.ts';
import type { ArchitectureConfig, ArchitectureName } from './registry.ts';
import { architectureDefinition, validateArchitectureConfig } from './registry.ts';

/** Everything needed to build a model; `seed` fixes the initial weights. */
export interface ModelSpec {
  architecture: ArchitectureName;
  /** A config for `architecture`; missing fields take its defaults. */
  config: ArchitectureConfig | Record<string, unknown>;
  /** First input: `inputLength` positions × `alphabetSize` channels (see `InputKind`). */
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
  return architectureDefinition(spec.architecture).build(checked.config, input, spec.seed);
}
