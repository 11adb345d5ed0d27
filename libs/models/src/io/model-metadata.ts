import type { ArchitectureConfig, ArchitectureName } from '../architectures/registry.ts';
import { validateArchitectureConfig } from '../architectures/registry.ts';

/** What Strand records beside a saved model (`strand.json`): enough to rebuild and audit it. */
export interface ModelMetadata {
  architecture: ArchitectureName;
  config: ArchitectureConfig;
  alphabet: 'ACGT';
  inputLength: number;
  /** Channels per input position when not the 4 of one-hot DNA (a pileup image's rows × 6). */
  inputChannels?: number;
  /** Names of the output labels, in output order. */
  labelNames: string[];
  /**
   * Trained for test-time reverse-complement averaging: a prediction is the mean of the outputs
   * on the sequence and on its reverse complement (scoring follows it unless told otherwise).
   */
  rcAverage?: boolean;
  seed: number;
  /** The TF.js backend it was trained on (results reproduce only on the same backend). */
  backend: string;
  dataChecksum: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Version of the `strand.json` layout; bumped on incompatible changes. */
export const METADATA_FORMAT_VERSION = 1;

/**
 * Checks a parsed `strand.json` (or metadata about to be written); returns the first problem
 * as a sentence, or undefined when it is valid.
 */
export function metadataProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'is not a JSON object';
  }
  const m = value as Record<string, unknown>;
  if (m['alphabet'] !== 'ACGT') return `alphabet is ${JSON.stringify(m['alphabet'])}, not "ACGT"`;
  const length = m['inputLength'];
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) {
    return `inputLength ${JSON.stringify(length)} is not a positive integer`;
  }
  const checked = validateArchitectureConfig(String(m['architecture']), m['config'], {
    length,
    alphabetSize: typeof m['inputChannels'] === 'number' ? m['inputChannels'] : 4,
  });
  if (!checked.ok) {
    const first = checked.errors[0];
    return `${first?.field}: ${first?.message}`;
  }
  const labels = m['labelNames'];
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    return 'labelNames is not a list of strings';
  }
  if (m['rcAverage'] !== undefined && typeof m['rcAverage'] !== 'boolean') {
    return 'rcAverage is not true or false';
  }
  if (typeof m['seed'] !== 'number' || !Number.isFinite(m['seed'])) return 'seed is not a number';
  for (const key of ['backend', 'dataChecksum', 'createdAt']) {
    if (typeof m[key] !== 'string') return `${key} is not a string`;
  }
  if (Number.isNaN(Date.parse(m['createdAt'] as string))) {
    return `createdAt "${m['createdAt']}" is not an ISO 8601 date`;
  }
  return undefined;
}

/** Only the known fields, in a stable order (drops anything extra a caller passed). */
export function pickMetadata(m: ModelMetadata): ModelMetadata {
  return {
    architecture: m.architecture,
    config: structuredClone(m.config),
    alphabet: m.alphabet,
    inputLength: m.inputLength,
    ...(m.inputChannels === undefined ? {} : { inputChannels: m.inputChannels }),
    labelNames: [...m.labelNames],
    ...(m.rcAverage === undefined ? {} : { rcAverage: m.rcAverage }),
    seed: m.seed,
    backend: m.backend,
    dataChecksum: m.dataChecksum,
    createdAt: m.createdAt,
  };
}
