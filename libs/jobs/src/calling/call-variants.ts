import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { CallRegion, Candidate, ReadView, RefWindow, WrittenTable } from '@strand/genomics';
import {
  callsVcfHeader,
  callVcfLine,
  calledGenotype,
  candidateTiles,
  FastaIndex,
  genotypeProbabilities,
  openAlignmentFile,
  parseRegion,
  pileupTensor,
  readNormalisedAlleles,
  ReferenceReader,
} from '@strand/genomics';
import type { ModelMetadata } from '@strand/models';
import { initBackend, loadModel } from '@strand/models';
import { PileupTableWriter } from './pileup-table.ts';

/** The pileup model that ships with Strand (`models/pileup-caller`; `npm run train:caller`). */
export const DEFAULT_CALLER_MODEL = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../models/pileup-caller',
);

/**
 * Calls with QUAL below this are written with FILTER `LowQual` (kept in the VCF, left out of
 * PASS-only evaluations, as hap.py counts). QUAL is −10·log10 P(hom-ref) from the model's softmax.
 * 0 (no cut beyond the model's own hom-ref decision): on validation reads (NC_008253.1:1600001-
 * 2000000, seeds 201/203 at 15×, 202 at 30×; never the evaluation's region) the default model
 * makes 0–2 false SNVs per 400 kb, and every cut from QUAL 5 up lost more true calls than false
 * ones (`strand call eval --min-qual Q` sweeps it on one call set).
 */
export const DEFAULT_MIN_QUAL = 0;

/** Options of {@link callVariants}. */
export interface CallVariantsOptions {
  /** Indexed BAM (.bai/.csi) or CRAM (.crai). */
  bam: string;
  reference: string;
  /** `chrom[:start-end]` (1-based); default every contig of the reads' header. */
  region?: string;
  /** A saved `pileup` model; default {@link DEFAULT_CALLER_MODEL}. */
  modelDir?: string;
  /** The VCF to write. */
  out: string;
  /** Sample column name; default `SAMPLE`. */
  sample?: string;
  /** Non-reference calls below this QUAL are filtered `LowQual`; default {@link DEFAULT_MIN_QUAL}. */
  minQual?: number;
  /**
   * When set, every genotyped candidate (hom-ref ones too) is also written with its pileup image
   * to this Arrow table (a `pileups` dataset's file; see pileup-table.ts).
   */
  pileups?: string;
  /**
   * With `pileups`: a truth VCF whose genotypes label each stored candidate (as `strand call
   * train` labels them: not a true allele → hom-ref), so the table can be trained on.
   */
  truth?: string;
  /** Candidates per predicted batch (a batch spans tiles); default 256. */
  batchSize?: number;
  onProgress?: (p: CallProgress) => void;
}

/** Progress of a calling run: bases of the region done, candidates seen, variants called. */
export interface CallProgress {
  basesDone: number;
  basesTotal: number;
  candidates: number;
  /** Variants written so far: candidates are genotyped a full batch at a time, so this lags. */
  calls: number;
}

/**
 * The pileups table a call wrote: the table (`rows` = candidates), its images' shape (`width` ×
 * `pileupRows`) and the candidates per called genotype (hom-ref, het, hom-alt).
 */
export type PileupsWritten = WrittenTable & {
  width: number;
  pileupRows: number;
  genotypes: number[];
  /** Candidates per truth genotype (with `truth`). */
  truths: number[] | null;
};

/** What `callVariants` did. */
export interface CallVariantsResult extends CallProgress {
  out: string;
  model: string;
  backend: string;
  /** Calls written with FILTER `LowQual` (counted in `calls`, not in `snvs` / `indels`). */
  lowQual: number;
  /** Het SNVs written with FILTER `AlleleBalance` (counted in `calls`, not in `snvs`). */
  alleleBalance: number;
  /** PASS variants by kind among the calls. */
  snvs: number;
  indels: number;
  readsFetched: number;
  pileups?: PileupsWritten;
}

/** The pileup image shape a model reads: width = its input length, rows = channels / 6. */
export function pileupShapeOf(model: tf.LayersModel) {
  const [, width, cells] = model.inputs[0]?.shape ?? [];
  return { width: Number(width), rows: Number(cells) / 6 };
}

/** Opens the reads and reference, and resolves the regions to call (the whole file by default). */
export async function openCallInputs(bam: string, reference: string, region: string | undefined) {
  const fasta = await FastaIndex.open(reference);
  const file = await openAlignmentFile(bam, fasta);
  const contigs = await file.contigs();
  const lengthOf = (chrom: string) => contigs.find((c) => c.name === chrom)?.length;
  const regions: CallRegion[] = region
    ? [parseRegion(region, lengthOf)]
    : contigs.map((c) => ({ chrom: c.name, start0: 0, end0: c.length }));
  return { fasta, file, contigs, regions, reader: new ReferenceReader(fasta) };
}

/**
 * Pileup images of candidates queued across tiles and genotyped `batchSize` at a time, so the
 * model sees full batches however few candidates a (small) tile has. The images live in one
 * buffer allocated once and reused; the backend copies it into a tensor that is disposed before
 * the next batch is drawn. A tile's reads are needed only while its images are drawn, so they are
 * not kept for the queue. `flush` returns the queued candidates with their model probabilities, in
 * the order they were added.
 */
class PileupBatcher {
  readonly #model: tf.LayersModel;
  readonly shape: { width: number; rows: number };
  readonly #cell: number;
  readonly #images: Float32Array;
  readonly #queued: Candidate[] = [];

  constructor(
    model: tf.LayersModel,
    readonly batchSize: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    this.#model = model;
    this.shape = pileupShapeOf(model);
    this.#cell = this.shape.width * this.shape.rows * 6;
    this.#images = new Float32Array(batchSize * this.#cell);
  }

  /** Whether a batch is full, so `flush` should be called before the next `add`. */
  get full(): boolean {
    return this.#queued.length >= this.batchSize;
  }

  /** Draws one candidate's pileup image into the queue (call `flush` first when `full`). */
  add(candidate: Candidate, views: readonly ReadView[], ref: RefWindow): void {
    if (this.full) throw new Error('PileupBatcher: batch full; flush before adding');
    const at = this.#queued.length * this.#cell;
    pileupTensor(candidate, views, ref, this.shape, this.#images.subarray(at, at + this.#cell));
    this.#queued.push(candidate);
  }

  /**
   * Genotypes the queued images (one predict) and empties the queue. Each `image` is a view of
   * the shared buffer: valid until the next `add`.
   */
  async flush(): Promise<{ candidate: Candidate; probabilities: number[]; image: Float32Array }[]> {
    const n = this.#queued.length;
    if (n === 0) return [];
    const input = tf.tensor3d(this.#images.subarray(0, n * this.#cell), [
      n,
      this.shape.width,
      this.shape.rows * 6,
    ]);
    const prediction = this.#model.predict(input) as tf.Tensor;
    try {
      const p = await prediction.data();
      return this.#queued.map((candidate, i) => ({
        candidate,
        probabilities: Array.from(p.subarray(i * 3, i * 3 + 3)),
        image: this.#images.subarray(i * this.#cell, (i + 1) * this.#cell),
      }));
    } finally {
      tf.dispose([input, prediction]);
      this.#queued.length = 0;
    }
  }
}

/**
 * Calls variants from aligned reads, DeepVariant-style: candidate sites streamed tile by tile,
 * each candidate's pileup image genotyped by the `pileup` CNN, non-reference calls written to a
 * VCF 4.2 with GT, GQ and PL. Memory is that of one tile however large the region.
 */
export async function callVariants(o: CallVariantsOptions): Promise<CallVariantsResult> {
  const backend = await initBackend();
  const modelDir = o.modelDir ?? DEFAULT_CALLER_MODEL;
  const { model, metadata } = await loadModel(modelDir);
  assertPileupModel(modelDir, metadata);
  const batcher = new PileupBatcher(model, o.batchSize ?? 256);
  const { file, contigs, regions, reader } = await openCallInputs(o.bam, o.reference, o.region);
  if (o.truth && !o.pileups) {
    throw new RangeError('truth labels the stored pileups: give pileups too');
  }
  const truth = o.truth
    ? await readNormalisedAlleles(o.truth, reader, o.region ? regions[0] : undefined)
    : null;
  await mkdir(dirname(resolve(o.out)), { recursive: true });
  const vcf = createWriteStream(o.out);
  const write = (text: string) =>
    new Promise<void>((ok, fail) => vcf.write(`${text}\n`, (e) => (e ? fail(e) : ok())));
  const minQual = o.minQual ?? DEFAULT_MIN_QUAL;
  const commandLine = `call --bam ${o.bam} --reference ${o.reference}${o.region ? ` --region ${o.region}` : ''} --min-qual ${minQual}`;
  await write(callsVcfHeader(o.sample ?? 'SAMPLE', contigs, commandLine));
  const progress: CallProgress = {
    basesDone: 0,
    basesTotal: regions.reduce((n, r) => n + r.end0 - r.start0, 0),
    candidates: 0,
    calls: 0,
  };
  let snvs = 0;
  let indels = 0;
  let readsFetched = 0;
  let lowQual = 0;
  let alleleBalance = 0;
  const table = o.pileups
    ? new PileupTableWriter(o.pileups, batcher.shape, {
        model: basename(modelDir),
        ...(o.region ? { region: o.region } : {}),
        minQual: String(minQual),
        truth: o.truth ? basename(o.truth) : '',
      })
    : null;
  const truthOf = (c: Candidate) => {
    if (!truth) return -1;
    const t = truth.get(`${c.chrom}:${c.pos0}:${c.ref}>${c.alt}`);
    return t === undefined ? 0 : t.zygosity === 'het' ? 1 : 2;
  };
  const writeCalls = async () => {
    for (const { candidate, probabilities, image } of await batcher.flush()) {
      const call = { candidate, probabilities: genotypeProbabilities(candidate, probabilities) };
      const line = callVcfLine(call, minQual);
      table?.append(candidate, call.probabilities, image, line, truthOf(candidate));
      if (calledGenotype(call) === 0) continue;
      await write(line);
      progress.calls++;
      if (line.includes('\tLowQual\t')) lowQual++;
      else if (line.includes('\tAlleleBalance\t')) alleleBalance++;
      else if (call.candidate.kind === 'snv') snvs++;
      else indels++;
    }
  };
  try {
    for (const region of regions) {
      for await (const tile of candidateTiles(file, reader, region)) {
        for (const candidate of tile.candidates) {
          if (batcher.full) await writeCalls();
          batcher.add(candidate, tile.views, tile.ref);
        }
        progress.candidates += tile.candidates.length;
        progress.basesDone += tile.end0 - tile.start0;
        readsFetched += tile.readsFetched;
        o.onProgress?.({ ...progress });
      }
    }
    await writeCalls();
    o.onProgress?.({ ...progress });
  } catch (error) {
    await table?.abort();
    throw error;
  } finally {
    await new Promise<void>((ok) => vcf.end(ok));
    model.dispose();
  }
  const pileups = table && {
    ...table.close(),
    width: batcher.shape.width,
    pileupRows: batcher.shape.rows,
    genotypes: [...table.genotypes],
    truths: truth ? [...table.truths] : null,
  };
  return {
    ...progress,
    out: o.out,
    model: modelDir,
    backend,
    snvs,
    indels,
    lowQual,
    alleleBalance,
    readsFetched,
    ...(pileups ? { pileups } : {}),
  };
}

function assertPileupModel(dir: string, metadata: ModelMetadata) {
  if (metadata.architecture !== 'pileup')
    throw Object.assign(
      new Error(
        `${dir}: a "${metadata.architecture}" model cannot call variants; give a pileup model`,
      ),
      { code: 'NOT_A_PILEUP_MODEL' },
    );
}
