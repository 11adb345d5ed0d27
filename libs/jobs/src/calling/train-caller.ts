import { createHash } from 'node:crypto';
import type { PileupShape } from '@strand/genomics';
import {
  candidateTiles,
  DEFAULT_PILEUP_SHAPE,
  pileupTensor,
  readNormalisedAlleles,
} from '@strand/genomics';
import type { EpochReport } from '@strand/models';
import { buildModel, initBackend, PILEUP_DEFAULTS, saveModel, trainModel } from '@strand/models';
import { openCallInputs } from './call-variants.ts';

/** One simulated (or otherwise truth-labelled) sample: reads, and the VCF of what they carry. */
export interface LabelledReads {
  bam: string;
  reference: string;
  truth: string;
  region?: string;
}

/** Options of {@link trainCaller}. */
export interface TrainCallerOptions {
  samples: LabelledReads[];
  out: string;
  shape?: PileupShape;
  epochs?: number;
  seed?: number;
  onEpoch?: (report: EpochReport) => void;
}

/**
 * Pileup images of every candidate of the samples, labelled from the truth (0 hom-ref: the
 * candidate is not a true allele; 1 het; 2 hom-alt), as [count, width, rows × 6].
 */
export async function labelledPileups(samples: readonly LabelledReads[], shape: PileupShape) {
  const cell = shape.width * shape.rows * 6;
  const chunks: Float32Array[] = [];
  const labels: number[] = [];
  for (const sample of samples) {
    const { file, regions, reader } = await openCallInputs(
      sample.bam,
      sample.reference,
      sample.region,
    );
    const truth = await readNormalisedAlleles(
      sample.truth,
      reader,
      sample.region ? regions[0] : undefined,
    );
    for (const region of regions) {
      for await (const tile of candidateTiles(file, reader, region)) {
        for (const c of tile.candidates) {
          const t = truth.get(`${c.chrom}:${c.pos0}:${c.ref}>${c.alt}`);
          labels.push(t === undefined ? 0 : t.zygosity === 'het' ? 1 : 2);
          chunks.push(pileupTensor(c, tile.views, tile.ref, shape));
        }
      }
    }
  }
  const x = new Float32Array(chunks.length * cell);
  chunks.forEach((chunk, i) => x.set(chunk, i * cell));
  return {
    x,
    y: Float32Array.from(labels),
    count: labels.length,
    length: shape.width,
    alphabetSize: shape.rows * 6,
  };
}

/** Trains the `pileup` genotyper on labelled candidates and saves it (TF.js layers + strand.json). */
export async function trainCaller(o: TrainCallerOptions) {
  const backend = await initBackend();
  const shape = o.shape ?? DEFAULT_PILEUP_SHAPE;
  const seed = o.seed ?? 1;
  const data = await labelledPileups(o.samples, shape);
  const classes = [0, 1, 2].map((k) => data.y.filter((v) => v === k).length);
  const config = { ...PILEUP_DEFAULTS };
  const model = buildModel({
    architecture: 'pileup',
    config,
    inputLength: data.length,
    alphabetSize: data.alphabetSize,
    seed,
  });
  const result = await trainModel(model, data, {
    epochs: o.epochs ?? 8,
    batchSize: 64,
    learningRate: 1e-3,
    seed,
    task: 'multiclass',
    validationFraction: 0.15,
    earlyStopping: { patience: 3, monitor: 'val_loss' },
    onEpoch: o.onEpoch,
  });
  await saveModel(model, o.out, {
    architecture: 'pileup',
    config,
    alphabet: 'ACGT',
    inputLength: data.length,
    inputChannels: data.alphabetSize,
    labelNames: ['hom-ref', 'het', 'hom-alt'],
    seed,
    backend,
    dataChecksum: createHash('sha256')
      .update(new Uint8Array(data.x.buffer))
      .digest('hex')
      .slice(0, 16),
    createdAt: new Date().toISOString(),
  });
  model.dispose();
  return { examples: data.count, classes, backend, history: result.history };
}
