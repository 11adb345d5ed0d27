import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';
import { epochHistory, ModelArtifact, Run } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { loadModel } from '@strand/models';
import { importDataset } from '../datasets/import-dataset.ts';
import { createEventBus } from '../events/event-bus.ts';
import type { RunStatusEvent } from '../events/event-bus.ts';
import { FEATURE_SCALING_FILE } from '../learning/feature-scaling.ts';
import { loadSplit } from '../datasets/dataset-splits.ts';
import { holdoutSplit } from '../learning/holdout-split.ts';
import { expressionProfiles } from '../learning/synthetic.testing.ts';
import { Jobs } from '../strand-jobs.ts';

let dir: string;
let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;
let projectId: string;
const bus = createEventBus();
/** Genes ≥ 2 × samples, so the matrix orientation is detected. */
const GENES = 150;
const profiles = expressionProfiles(60, GENES, ['alpha', 'beta', 'gamma'], 4, { raised: 10 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-train-any-'));
  // Genes × samples, as expression files usually are.
  const rows = profiles.genes.map((gene, g) =>
    [gene, ...profiles.samples.map((_, i) => profiles.values[i * GENES + g]!.toFixed(2))].join(
      '\t',
    ),
  );
  await writeFile(
    join(dir, 'expr.tsv'),
    `gene\t${profiles.samples.join('\t')}\n${rows.join('\n')}\n`,
  );
  await writeFile(
    join(dir, 'samples.tsv'),
    `sample\tgroup\n${profiles.samples.map((s, i) => `${s}\t${profiles.labels[i]}`).join('\n')}\n`,
  );
  // Three classes of sequences: GATA1 planted, CTCF planted, neither.
  const motif = (name: string) => BUNDLED_MOTIFS.find((m) => m.name === name)!;
  const lines: string[] = [];
  for (const [k, name] of ['GATA1', 'CTCF'].entries()) {
    const sim = simulatePlantedMotifs({ count: 120, length: 40, motifs: [motif(name)], seed: k });
    sim.sequences.forEach((s, i) => {
      if (sim.labels[i] === 1) lines.push(`${name}_${i}\t${name.toLowerCase()}\t${s}`);
      else if (k === 0) lines.push(`none_${i}\tnone\t${s}`);
    });
  }
  await writeFile(join(dir, 'three.tsv'), `id\tlabel\tsequence\n${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  jobs = new Jobs(db, bus);
  const em = db.fork();
  projectId = await saveTestProject(em);
});
afterEach(async () => {
  await jobs.close();
  await cleanup();
});

async function imported(input: Record<string, string>) {
  const outcome = await importDataset(db.fork(), db.artifacts, {
    projectId,
    kind: 'sequence-classification',
    path: '',
    ...input,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

async function finished(runId: () => string): Promise<string> {
  for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
    if (event.runId === runId() && !['QUEUED', 'RUNNING'].includes(event.status)) {
      return event.status;
    }
  }
  throw new Error('event stream ended');
}

describe('training on every kind of stored dataset', () => {
  it('trains a softmax MLP on an expression dataset end to end, recording its split', async () => {
    const dataset = await imported({
      kind: 'expression',
      path: join(dir, 'expr.tsv'),
      labelsPath: join(dir, 'samples.tsv'),
      labelColumn: 'group',
    });
    let id = '';
    const done = finished(() => id);
    const started = await jobs.startTraining(db.fork(), {
      projectId,
      datasetId: dataset.id,
      architecture: 'mlp',
      epochs: 8,
      batchSize: 16,
      learningRate: 0.01,
      seed: 6,
      config: { hiddenUnits: [16], dropout: 0 },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    id = started.value.id;
    expect(started.value.config).toEqual({
      hiddenUnits: [16],
      dropout: 0,
      outputs: 3,
      task: 'multiclass',
    });
    expect(await done).toBe('SUCCEEDED');

    const em = db.fork();
    const run = await em.findOneOrFail(Run, { id });
    const classOf = (s: string) =>
      ['alpha', 'beta', 'gamma'].indexOf(profiles.labels[Number(s.slice(1))]!);
    const split = holdoutSplit(profiles.samples.map(classOf), 0.2, 6);
    // The run trained on a split stored with the dataset, which names the same rows.
    const splitId = (run.split as { splitId: string }).splitId;
    expect(run.split).toEqual({
      method: 'stored',
      splitId: expect.stringMatching(/^[0-9a-f]{16,}$/),
      seed: 6,
      validationFraction: 0.2,
      train: 48,
      validation: 12,
      validationSha256: split.description.validationSha256,
    });
    const stored = await loadSplit(db.artifacts, dataset, splitId);
    expect(stored.partSha256.valid).toBe(split.description.validationSha256);
    expect(stored.counts).toEqual({ train: 48, valid: 12, test: 0 });
    const history = await epochHistory(em, id);
    expect(history.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A softmax head's epochs carry macro and per-class AUROC and the confusion cells (the run
    // page draws the matrix from them).
    const cells = [0, 1, 2].flatMap((a) => [0, 1, 2].map((p) => `val_confusion_${a}_${p}`));
    expect(Object.keys(history[0]!.metrics).sort()).toEqual(
      [
        'loss',
        'val_accuracy',
        'val_auroc',
        'val_auroc_c0',
        'val_auroc_c1',
        'val_auroc_c2',
        ...cells,
        'val_loss',
        'val_macro_f1',
      ].sort(),
    );
    // Each class raises 10 of 150 genes, on a scale of 100: learnt once standardised.
    expect(run.finalMetrics!.val_accuracy).toBeGreaterThanOrEqual(0.9);
    const artifact = await em.findOneOrFail(ModelArtifact, { run: id });
    const path = db.artifacts.resolve(artifact.path);
    const { model, metadata } = await loadModel(path);
    expect(metadata).toMatchObject({
      architecture: 'mlp',
      inputLength: GENES,
      labelNames: ['alpha', 'beta', 'gamma'],
      dataChecksum: dataset.checksum,
    });
    expect(model.outputs[0]!.shape).toEqual([null, 3]);
    model.dispose();
    const scaling = JSON.parse(await readFile(join(path, FEATURE_SCALING_FILE), 'utf8'));
    expect(scaling.features).toEqual(profiles.genes);
    expect(scaling.mean).toHaveLength(GENES);
  });

  it('trains a sequence dataset of three string classes with a softmax head (lstm)', async () => {
    const dataset = await imported({ path: join(dir, 'three.tsv') });
    let id = '';
    const done = finished(() => id);
    const started = await jobs.startTraining(db.fork(), {
      projectId,
      datasetId: dataset.id,
      architecture: 'lstm',
      epochs: 2,
      batchSize: 32,
      config: { units: 8 },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    id = started.value.id;
    expect(await done).toBe('SUCCEEDED');
    const artifact = await db.fork().findOneOrFail(ModelArtifact, { run: id });
    const path = db.artifacts.resolve(artifact.path);
    const { model, metadata } = await loadModel(path);
    expect(metadata.labelNames).toEqual(['ctcf', 'gata1', 'none']);
    expect(model.outputs[0]!.shape).toEqual([null, 3]);
    model.dispose();
    expect(existsSync(join(path, FEATURE_SCALING_FILE))).toBe(false);
  });

  it('says which architectures fit which dataset before queueing', async () => {
    const expression = await imported({
      kind: 'expression',
      path: join(dir, 'expr.tsv'),
      labelsPath: join(dir, 'samples.tsv'),
      labelColumn: 'group',
    });
    const three = await imported({ path: join(dir, 'three.tsv') });
    const errors = async (datasetId: string, architecture: string, config = {}) => {
      const outcome = await jobs.startTraining(db.fork(), {
        projectId,
        datasetId,
        architecture,
        epochs: 1,
        config,
      });
      return outcome.ok ? [] : outcome.errors;
    };
    expect(await errors(expression.id, 'deepbind')).toEqual([
      {
        field: 'architecture',
        code: 'INCOMPATIBLE_ARCHITECTURE',
        message:
          'architecture "deepbind" reads sequence input (one-hot DNA sequences), which fits sequence-classification data; dataset "expr.tsv" holds profiles of 150 features in 3 classes (expression data); use mlp, lstm, autoencoder, vae',
      },
    ]);
    // Three classes train a softmax head by default; a sigmoid head asked for is refused (40 bp is
    // also too short for DeepSEA's and Basset's default pools, so neither is offered).
    expect(await errors(three.id, 'deepsea', { task: 'multitask' })).toEqual([
      {
        field: 'architecture',
        code: 'INCOMPATIBLE_ARCHITECTURE',
        message:
          '3 classes need a softmax head; architecture "deepsea" has sigmoid outputs only; use deepbind, danq, lstm',
      },
    ]);
    expect(await errors(three.id, 'risk')).toEqual([
      {
        field: 'architecture',
        code: 'INCOMPATIBLE_ARCHITECTURE',
        message:
          'architecture "risk" reads multimodal input (an expression profile plus variant features as a second input), which no dataset kind holds: it trains on an expression dataset joined with a variants dataset through the PREDICT_RISK job (predictRisk in the API) or `strand risk`; dataset "three.tsv" holds one-hot sequences of 40 bp in 3 classes (sequence-classification data); use deepbind, danq, lstm',
      },
    ]);
    expect(await errors(expression.id, 'mlp', { outputs: 2 })).toEqual([
      {
        field: 'config.outputs',
        code: 'INVALID_CONFIG',
        message: 'dataset "expr.tsv" has 3 classes, so a softmax head needs outputs = 3; got 2',
      },
    ]);
    expect(await errors(expression.id, 'autoencoder')).toEqual([]);
  });
});
