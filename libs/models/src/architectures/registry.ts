import type { FieldError } from './architecture-config.error.ts';
import type {
  ArchitectureDefinition,
  ArchitectureTask,
  InputShape,
} from './architecture-definition.ts';
import type { AutoencoderConfig } from './autoencoder.ts';
import { AUTOENCODER } from './autoencoder.ts';
import type { BassetConfig } from './basset.ts';
import type { BpnetConfig } from './bpnet.ts';
import { BPNET } from './bpnet.ts';
import { BASSET } from './basset.ts';
import { checkFields, describeValue } from './config-fields.ts';
import type { DanQConfig } from './danq.ts';
import { DANQ } from './danq.ts';
import type { DeepBindConfig } from './deepbind.ts';
import type { DeepCpgConfig } from './deepcpg.ts';
import { DEEPCPG } from './deepcpg.ts';
import { DEEPBIND } from './deepbind.ts';
import type { DeepSeaConfig } from './deepsea.ts';
import { DEEPSEA } from './deepsea.ts';
import type { LstmConfig } from './lstm.ts';
import { LSTM } from './lstm.ts';
import type { MlpConfig } from './mlp.ts';
import { MLP } from './mlp.ts';
import type { PileupConfig } from './pileup.ts';
import { PILEUP } from './pileup.ts';
import type { RiskConfig } from './risk.ts';
import { RISK } from './risk.ts';
import type { VaeConfig } from './vae.ts';
import { VAE } from './vae.ts';

/** The config type of each architecture. */
export interface ArchitectureConfigs {
  deepbind: DeepBindConfig;
  deepsea: DeepSeaConfig;
  danq: DanQConfig;
  mlp: MlpConfig;
  lstm: LstmConfig;
  basset: BassetConfig;
  autoencoder: AutoencoderConfig;
  risk: RiskConfig;
  vae: VaeConfig;
  bpnet: BpnetConfig;
  deepcpg: DeepCpgConfig;
  pileup: PileupConfig;
}

/** The architectures `buildModel` knows, in catalogue order. */
export const ARCHITECTURE_NAMES = [
  'deepbind',
  'deepsea',
  'danq',
  'mlp',
  'lstm',
  'basset',
  'autoencoder',
  'risk',
  'vae',
  'bpnet',
  'deepcpg',
  'pileup',
] as const satisfies readonly (keyof ArchitectureConfigs)[];

/** One of `ARCHITECTURE_NAMES`. */
export type ArchitectureName = (typeof ARCHITECTURE_NAMES)[number];

/** Any architecture's config. */
export type ArchitectureConfig = ArchitectureConfigs[ArchitectureName];

/** The registry: name → description, defaults, field checks, input kind, task and builder. */
export const ARCHITECTURES: {
  readonly [N in ArchitectureName]: ArchitectureDefinition<ArchitectureConfigs[N]>;
} = {
  deepbind: DEEPBIND,
  deepsea: DEEPSEA,
  danq: DANQ,
  mlp: MLP,
  lstm: LSTM,
  basset: BASSET,
  autoencoder: AUTOENCODER,
  risk: RISK,
  vae: VAE,
  bpnet: BPNET,
  deepcpg: DEEPCPG,
  pileup: PILEUP,
};

/** The outcome of `validateArchitectureConfig`: a complete config, or every problem found. */
export type ArchitectureValidation =
  { ok: true; config: ArchitectureConfig } | { ok: false; errors: FieldError[] };

/** True when `name` is one of `ARCHITECTURE_NAMES`. */
export function isArchitectureName(name: string): name is ArchitectureName {
  return (ARCHITECTURE_NAMES as readonly string[]).includes(name);
}

/** The registry entry of `name`, typed loosely for code that handles every architecture. */
export function architectureDefinition(name: ArchitectureName): ArchitectureDefinition<object> {
  return ARCHITECTURES[name] as unknown as ArchitectureDefinition<object>;
}

/** The task (and so the loss and metrics) a validated config trains for. */
export function architectureTask(
  name: ArchitectureName,
  config: ArchitectureConfig,
): ArchitectureTask {
  return architectureDefinition(name).task(config);
}

/**
 * Checks an architecture name and a user-given config (e.g. from a GraphQL input) against the
 * input shape, filling defaults for missing fields. Never throws: every problem is returned with
 * the field it belongs to (`architecture`, `config`, `config.<field>`, `input.<field>`).
 *
 * @example validateArchitectureConfig('deepbind', { filters: 32 }, { length: 101, alphabetSize: 4 })
 */
export function validateArchitectureConfig(
  name: string,
  config: unknown,
  input: InputShape,
): ArchitectureValidation {
  if (!isArchitectureName(name)) {
    const message = `unknown architecture "${name}"; known: ${ARCHITECTURE_NAMES.join(', ')}`;
    return { ok: false, errors: [{ field: 'architecture', message }] };
  }
  const errors: FieldError[] = [];
  for (const key of ['length', 'alphabetSize'] as const) {
    const value = input[key];
    if (!Number.isInteger(value) || value < 1) {
      errors.push({ field: `input.${key}`, message: `must be a positive integer, got ${value}` });
    }
  }
  if (config === undefined || config === null) config = {};
  if (typeof config !== 'object' || Array.isArray(config)) {
    const got = Array.isArray(config) ? 'an array' : describeValue(config);
    errors.push({ field: 'config', message: `must be an object, got ${got}` });
    return { ok: false, errors };
  }
  const definition = architectureDefinition(name);
  const checked = checkFields(
    config as Record<string, unknown>,
    definition.defaults,
    definition.fields,
  );
  errors.push(...checked.errors);
  if (errors.length === 0 && definition.check !== undefined) {
    errors.push(...definition.check(checked.config, input));
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, config: checked.config as ArchitectureConfig };
}
