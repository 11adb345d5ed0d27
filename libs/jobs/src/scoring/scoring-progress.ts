import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from './atomic-write.ts';
import { ScoringError } from './scoring.error.ts';

/**
 * What makes two runs the same run: resuming is refused when any of it differs. The inputs are
 * named by their content, never by path or modification time, so a run resumes wherever its
 * inputs were copied: a job resumed on another worker reads them from that worker's cache.
 */
export interface ScoringFingerprint {
  /** SHA-256 of the VCF's bytes. */
  vcfSha256: string;
  /** The reference's size and the SHA-256 of its .fai (reference-fingerprint.ts). */
  reference: string;
  /** SHA-256 of the model's files (MODEL_FILES: topology, weights, metadata). */
  modelSha256: string;
  chunkSize: number;
  batchSize: number;
  reverseComplement: boolean;
  /** Shift averaging's N (0: none). */
  shifts: number;
  /** The background's identity (background.ts), `none` without one. */
  background: string;
  /** ISM of the top K variants (0: none). */
  ismTop: number;
}

/** Alleles not scored, by reason. */
export interface NotScored {
  refMismatch: number;
  unknownChromosome: number;
  skipped: number;
}

/** `progress.json`: complete chunks and what they hold. */
export interface ScoringProgress {
  formatVersion: 1;
  fingerprint: ScoringFingerprint;
  /** Complete chunks, `chunks/000000.tsv` onwards. */
  chunks: number;
  /** VCF records in the complete chunks. */
  variants: number;
  /** Alleles scored in them. */
  scored: number;
  notScored: NotScored;
  /** Whether scores.tsv and scores.vcf (and ism.json when asked for) are written. */
  complete: boolean;
  /** Variants in ism.json, once written. */
  attributed?: number;
}

/** The path of chunk `index` under `outDir`. */
export function chunkPath(outDir: string, index: number): string {
  return join(outDir, 'chunks', `${String(index).padStart(6, '0')}.tsv`);
}

/** A fresh progress record. */
export function newProgress(fingerprint: ScoringFingerprint): ScoringProgress {
  return {
    formatVersion: 1,
    fingerprint,
    chunks: 0,
    variants: 0,
    scored: 0,
    notScored: { refMismatch: 0, unknownChromosome: 0, skipped: 0 },
    complete: false,
  };
}

/**
 * The progress in `outDir`, or a fresh one when there is none. Throws `PROGRESS_MISMATCH`
 * naming the first setting that differs when the folder holds another run's progress.
 */
export async function loadProgress(
  outDir: string,
  fingerprint: ScoringFingerprint,
): Promise<ScoringProgress> {
  const path = join(outDir, 'progress.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return newProgress(fingerprint);
  }
  const saved = JSON.parse(text) as ScoringProgress;
  // Progress from before the inputs were named by content cannot be matched to them.
  if (saved.fingerprint?.vcfSha256 === undefined) {
    throw new ScoringError(
      'PROGRESS_MISMATCH',
      `${path}: holds progress written by an older Strand, which cannot be resumed; choose another output folder or delete it`,
    );
  }
  for (const key of Object.keys(fingerprint) as (keyof ScoringFingerprint)[]) {
    if (saved.fingerprint[key] !== fingerprint[key]) {
      throw new ScoringError(
        'PROGRESS_MISMATCH',
        `${path}: holds another run's progress (${key} ${JSON.stringify(saved.fingerprint[key])}, now ${JSON.stringify(fingerprint[key])}); choose another output folder or delete it`,
      );
    }
  }
  return saved;
}

/** The chunk size of the progress in `outDir`, or undefined when there is none. */
export async function savedChunkSize(outDir: string): Promise<number | undefined> {
  try {
    const saved = JSON.parse(
      await readFile(join(outDir, 'progress.json'), 'utf8'),
    ) as ScoringProgress;
    return saved.fingerprint?.chunkSize;
  } catch {
    return undefined;
  }
}

/** Writes `progress.json` atomically. */
export function saveProgress(outDir: string, progress: ScoringProgress): Promise<void> {
  return writeAtomically(join(outDir, 'progress.json'), `${JSON.stringify(progress, null, 2)}\n`);
}
