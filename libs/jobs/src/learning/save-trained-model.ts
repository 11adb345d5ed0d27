import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { saveModel } from '@strand/models';
import { EXTRA_SCALING_FILE, FEATURE_SCALING_FILE } from './feature-scaling.ts';
import type { FitResult } from './fit.ts';
import { encodes, INPUT_ENCODING_DEFAULTS } from './input-encoding.ts';
import type { InputEncoding } from './input-encoding.ts';

/** Beside a model fit with `evaluate`: its evaluation on the validation rows (FitEvaluation). */
export const EVALUATION_FILE = 'evaluation.json';

/** Beside an autoencoder or VAE fit with `evaluate`: its 2-D sample embedding (Embedding). */
export const EMBEDDING_FILE = 'embedding.json';

/** Beside a model trained on encoded inputs: how records became its inputs. */
export const INPUT_ENCODING_FILE = 'input-encoding.json';

/**
 * Saves a fit's model (TF.js layers format + strand.json, see @strand/models saveModel) and,
 * for feature data, the scaling its inputs need (`feature-scaling.json`, see FeatureScaling), and
 * for a second input of feature columns its scaling (`extra-input-scaling.json`), and with an
 * input `encoding` (k-mer counts, normalisation, imputation) `input-encoding.json`, and with an
 * evaluation (fit's `evaluate`) `evaluation.json`, and with an embedding `embedding.json`.
 */
export async function saveTrainedModel(
  dir: string,
  trained: Pick<
    FitResult,
    'model' | 'architecture' | 'config' | 'labelNames' | 'inputLength' | 'scaling'
  > &
    Partial<Pick<FitResult, 'extraScaling' | 'rcAverage' | 'evaluation' | 'embedding'>>,
  run: { seed: number; backend: string; dataChecksum: string },
  encoding?: Partial<InputEncoding>,
): Promise<void> {
  // The scaling first: saveModel writes model.json last, so a loadable model always has it.
  await mkdir(dir, { recursive: true });
  if (trained.scaling) {
    await writeFile(join(dir, FEATURE_SCALING_FILE), `${JSON.stringify(trained.scaling)}\n`);
  }
  if (encoding && encodes(encoding)) {
    // What turned records into the model's inputs (k-mer counts, normalisation, imputation).
    const { normalize, impute, imputeK, kmer, kmerCanonical } = {
      ...INPUT_ENCODING_DEFAULTS,
      ...encoding,
    };
    const used = { normalize, impute, imputeK, kmer, kmerCanonical };
    await writeFile(join(dir, INPUT_ENCODING_FILE), `${JSON.stringify(used)}\n`);
  }
  if (trained.extraScaling) {
    await writeFile(join(dir, EXTRA_SCALING_FILE), `${JSON.stringify(trained.extraScaling)}\n`);
  }
  if (trained.evaluation) {
    await writeFile(join(dir, EVALUATION_FILE), `${JSON.stringify(trained.evaluation)}\n`);
  }
  if (trained.embedding) {
    await writeFile(join(dir, EMBEDDING_FILE), `${JSON.stringify(trained.embedding)}\n`);
  }
  await saveModel(trained.model, dir, {
    architecture: trained.architecture,
    config: trained.config,
    alphabet: 'ACGT',
    inputLength: trained.inputLength,
    labelNames: trained.labelNames,
    ...(trained.rcAverage ? { rcAverage: true } : {}),
    seed: run.seed,
    backend: run.backend,
    dataChecksum: run.dataChecksum,
    createdAt: new Date().toISOString(),
  });
}
