import { createHash } from 'node:crypto';
import { basename } from 'node:path';
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
import { PileupTable } from './pileup-table.ts';

/** One simulated (or otherwise truth-labelled) sample: reads, and the VCF of what they carry. */
export interface LabelledReads {
  bam: string;
  reference: string;
  truth: string;
  region?: string;
}

/** Options of {@link trainCaller}. */
export interface TrainCallerOptions {
  /** Reads to extract labelled pileups from. */
  samples?: LabelledReads[];
  /**
   * Stored pileups tables (`pileups` datasets written with a truth VCF) to train on as they
   * are, without extracting again; their image shape must be `shape` (default: theirs).
   */
  tables?: string[];
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

type LabelledImages = { x: Float32Array<ArrayBuffer>; y: Float32Array<ArrayBuffer>; count: number };

/** Labelled images one after another. */
function concatenate(parts: readonly LabelledImages[], shape: PileupShape): LabelledImages {
  if (parts.length === 1) return parts[0]!;
  const cell = shape.width * shape.rows * 6;
  const count = parts.reduce((n, p) => n + p.count, 0);
  const x = new Float32Array(count * cell);
  const y = new Float32Array(count);
  let at = 0;
  for (const p of parts) {
    x.set(p.x, at * cell);
    y.set(p.y, at);
    at += p.count;
  }
  return { x, y, count };
}

/** Trains the `pileup` genotyper on labelled candidates and saves it (TF.js layers + strand.json). */
export async function trainCaller(o: TrainCallerOptions) {
  const backend = await initBackend();
  const seed = o.seed ?? 1;
  const opened: PileupTable[] = [];
  let data: Awaited<ReturnType<typeof labelledPileups>>;
  try {
    for (const path of o.tables ?? []) opened.push(await PileupTable.open(path));
    const shape = o.shape ?? opened[0]?.shape ?? DEFAULT_PILEUP_SHAPE;
    if ((o.samples ?? []).length + opened.length === 0) {
      throw new RangeError('give reads (samples) or stored pileups (tables) to train on');
    }
    const parts: LabelledImages[] = [];
    for (const [i, table] of opened.entries()) {
      if (table.shape.width !== shape.width || table.shape.rows !== shape.rows) {
        throw new RangeError(
          `${basename(o.tables![i]!)}: its pileups are ${table.shape.width} × ${table.shape.rows}; training on ${shape.width} × ${shape.rows}`,
        );
      }
      parts.push(await table.labelledImages());
    }
    if (o.samples?.length) parts.push(await labelledPileups(o.samples, shape));
    data = { ...concatenate(parts, shape), length: shape.width, alphabetSize: shape.rows * 6 };
  } finally {
    for (const table of opened) await table.close();
  }
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
