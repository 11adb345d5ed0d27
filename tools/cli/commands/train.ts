import {
  architectureForData,
  changedChoices,
  encodeInputs,
  encodes,
  FREEZE_HELP,
  fitAndEvaluate,
  initConfig,
  initFromProblems,
  readFreeze,
  fitAndTest,
  loadLabelledData,
  loadSource,
  openDataset,
  openTrainingFile,
  saveTrainedModel,
  storedProbeAttributions,
} from '@strand/jobs';
import type { DataShape, EvaluatedFit, FitOptions, FreezeOption, OpenedData } from '@strand/jobs';
import { sha256OfFiles } from '@strand/genomics';
import { initBackend, loadModel, MODEL_FILES } from '@strand/models';
import { join } from 'node:path';
import type { ModelMetadata, ProbeAttribution } from '@strand/models';
import type * as tf from '@tensorflow/tfjs';
import { modelDirOf } from '../model-arg.ts';
import { CliError } from '../cli-error.ts';
import { openEmbeddedStore } from '../embedded-store.ts';
import { createOutput } from '../output.ts';
import { confusionTable } from '../training/confusion-table.ts';
import { dataColumns, describeTargets } from '../training/data-summary.ts';
import { withCliErrors } from '../training/learning-errors.ts';
import { checkProbes, probeLines, readProbeFile } from '../training/probes.ts';
import type { ProbeEpoch } from '../training/probes.ts';
import {
  assertChoicesFitData,
  dataFiles,
  parseArgs,
  readTrainOptions,
  TRAIN_HELP,
  TRAIN_OPTIONS,
} from '../training/train-args.ts';

const HELP = `usage: strand train --train FILE [--test FILE] [--out DIR] [options]
       strand train --dataset ID|NAME [--data-dir DIR] [--out DIR] [options]

${TRAIN_HELP}
  --dataset ID|NAME     a dataset of the embedded store (as strand import stores it), by id or
                        name; it streams from the store, memory flat whatever its size
  --data-dir DIR        the embedded store (default: STRAND_DATA_DIR or .strand)
  --test FILE           scored once at the end; without it a seeded, stratified 20% hold-out
                        (of --train or --dataset)
  --init-from MODEL     transfer learning: start from this model, a directory written by
                        --out or a stored model of the embedded store (--data-dir): a run
                        id, a model version id or NAME@ALIAS. Its architecture and trunk config
                        are the defaults (--config overrides); layers of the same name and
                        weight shapes are copied, so the head is new when the classes or tasks
                        differ. The data must have the source's input shape.
  --freeze RULE         with --init-from, the copied layers that do not train: ${FREEZE_HELP}
                        (default none)
  --probes FILE         live interpretation: up to 8 DNA sequences of the training length
                        (FASTA or the rows of a sequence table) attributed after every epoch
                        (gradient × input): the window of 8 bases each reads most is printed,
                        and --json gives every epoch's attributions (probes)
  --out DIR             save the model (TF.js layers format + strand.json, and
                        feature-scaling.json for expression, extra-input-scaling.json for
                        feature columns)
A sequence table or FASTA given with --train and no --test is written into a temporary store
table as it is read and streams from it, as a dataset does.
Test metrics follow the task: test_auroc, test_auprc, test_accuracy (binary; multitask also per
task, test_auroc_t1, …); for a softmax head (3 or more classes) test_accuracy, test_macro_f1,
test_auroc (macro one-vs-rest), test_auroc_<class>, test_recall_<class> and the confusion matrix;
for a regression head test_pearson, test_spearman, test_r2, test_mse; for bpnet
test_profile_pearson / test_profile_spearman (profile shape) and test_counts_pearson (totals).`;

/** Share of the records held out for test without --test. */
const TEST_FRACTION = 0.2;

/**
 * `strand train`: trains and prints final test metrics (test_auroc, test_auprc, test_accuracy,
 * …; per head for bpnet).
 */
export async function train(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...TRAIN_OPTIONS,
      test: { type: 'string' },
      out: { type: 'string' },
      dataset: { type: 'string' },
      'data-dir': { type: 'string' },
      'init-from': { type: 'string' },
      freeze: { type: 'string' },
      probes: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const command = 'strand train';
  if (values.dataset === undefined && !values.train) {
    throw new CliError(`${command}: --train FILE is required (or --dataset ID|NAME)\n${HELP}`, 2);
  }
  if (values.dataset !== undefined) {
    const clash = ['train', 'test', 'labels', 'label-column', 'feature-columns', 'profile-column']
      .filter((flag) => values[flag as keyof typeof values] !== undefined)
      .map((flag) => `--${flag}`);
    if (clash.length) {
      throw new CliError(
        `${command}: --dataset trains on the stored dataset as imported; ${clash.join(', ')} go with --train FILE`,
        2,
      );
    }
  } else if (values['data-dir'] !== undefined && values['init-from'] === undefined) {
    throw new CliError(`${command}: --data-dir goes with --dataset or --init-from`, 2);
  }
  const freezeRead = readFreeze(values.freeze, '--freeze');
  if (!freezeRead.ok) throw new CliError(`${command}: ${freezeRead.error.message}`, 2);
  const freeze: FreezeOption = freezeRead.value;
  if (values.freeze !== undefined && values['init-from'] === undefined) {
    throw new CliError(`${command}: --freeze goes with --init-from MODEL`, 2);
  }
  const args = readTrainOptions(command, values);
  // The source model: its architecture (unless --architecture says one) and trunk config.
  let init:
    { model: tf.LayersModel; metadata: ModelMetadata; ref: string; sha256: string } | undefined;
  if (values['init-from'] !== undefined) {
    const ref = values['init-from'];
    const dir = await modelDirOf(command, ref, values['data-dir'], 'transfer').catch(
      (error: unknown) => {
        if (!(error instanceof CliError)) throw error;
        throw new CliError(error.message.replace('--model', '--init-from'), error.exitCode);
      },
    );
    try {
      const loaded = await loadModel(dir);
      // Which exact weights it starts from, as the API records them (model.json + weights.bin).
      const sha256 = await sha256OfFiles([
        join(dir, MODEL_FILES.topology),
        join(dir, MODEL_FILES.weights),
      ]).catch((error: unknown) => {
        loaded.model.dispose();
        throw error;
      });
      init = { ...loaded, ref, sha256 };
    } catch (error) {
      throw new CliError(`${command}: --init-from ${ref}: ${(error as Error).message}`, 2);
    }
    const named = argv.some((a) => a === '--architecture' || a.startsWith('--architecture='));
    if (!named) args.architecture = init.metadata.architecture;
    if (args.architecture !== init.metadata.architecture) {
      const source = init.metadata.architecture;
      init.model.dispose();
      throw new CliError(
        `${command}: --init-from model ${ref} is a ${source}; train a ${source} from it, not a ${args.architecture}`,
        2,
      );
    }
    args.config = initConfig(
      init.metadata.config as unknown as Record<string, unknown>,
      args.config,
    );
  }
  const initOf = (data: DataShape, described: string): Pick<FitOptions, 'initFrom'> => {
    if (!init) return {};
    const source = { ...init.metadata, ref: init.ref };
    const [problem] = initFromProblems(source, args.architecture, data, described);
    if (problem)
      throw new CliError(
        `${command}: --init-from ${problem.message.replace(/^initFrom: /, '')}`,
        2,
      );
    return { initFrom: { model: init.model, freeze, ref: init.ref } };
  };
  const out = createOutput(args.json);
  const probeFile = values.probes;
  return withCliErrors(command, async () => {
    try {
      let probes: string[] = probeFile === undefined ? [] : await readProbeFile(command, probeFile);
      const probeEpochs: ProbeEpoch[] = [];
      let opened: OpenedData | null = null;
      let describe = '';
      if (values.dataset !== undefined) {
        const { db, project } = await openEmbeddedStore(values['data-dir']);
        try {
          const found = await openDataset(db.fork(), db.artifacts, project.id, values.dataset);
          opened = found;
          describe = `dataset ${found.dataset.name} (${found.dataset.id})`;
        } finally {
          await db.close();
        }
      } else if (!values.test) {
        const files = dataFiles(command, values);
        opened = await openTrainingFile(files);
        describe = files.file;
      }
      const backend = await initBackend();
      const options = {
        ...args,
        onBatch: (b: {
          epoch: number;
          epochs: number;
          batch: number;
          batches: number;
          loss: number;
        }) =>
          out.progress(
            `epoch ${b.epoch}/${b.epochs}`,
            b.batch,
            b.batches,
            `loss ${b.loss.toFixed(4)}`,
          ),
        onEpoch: (
          e: { epoch: number; epochs: number; metrics: Record<string, number> },
          attributions?: ProbeAttribution[],
        ) => {
          out.info(
            `epoch ${e.epoch}/${e.epochs}  ${Object.entries(e.metrics)
              .map(([k, v]) => `${k} ${v.toFixed(4)}`)
              .join('  ')}`,
          );
          if (!attributions) return;
          for (const line of probeLines(probes, attributions)) out.info(line);
          probeEpochs.push({ epoch: e.epoch, attributions: storedProbeAttributions(attributions) });
        },
      };
      // Checked against the data once it is read (its length and kind), before training.
      const withProbes = (data: DataShape, name: string) => {
        if (probeFile === undefined) return options;
        probes = checkProbes(command, probes, data, name, args);
        return { ...options, probes };
      };
      let shape: DataShape;
      let checksum: string;
      let counts: { train: number; test: number };
      let fit: EvaluatedFit;
      const starting = (data: DataShape, train: number) =>
        out.info(
          `Training ${args.architecture} on ${train} records × ${data.length} (${describeTargets(data)}; backend ${backend}, seed ${args.seed}).`,
        );
      if (opened) {
        const source = opened.data;
        try {
          assertChoicesFitData(command, args, source, describe);
          // k-mer counts, normalisation, imputation: the records in memory, encoded.
          const data = encodes(args) ? encodeInputs(await loadSource(source), args) : source;
          // Before any output: an architecture that does not fit the data is a usage error.
          architectureForData(args.architecture, data, args.config);
          const heldOut = await fitAndTest(data, TEST_FRACTION, {
            ...withProbes(data, describe),
            ...initOf(data, describe),
            onHeldOut: (train, test) => {
              out.info(
                `No --test given: a seeded, stratified 20% of ${describe} (${test} records) is the test set.`,
              );
              starting(data, train);
            },
          });
          fit = heldOut;
          counts = { train: heldOut.trainCount, test: heldOut.testCount };
          shape = data;
          checksum = data.checksum;
        } finally {
          await opened.close();
        }
      } else {
        const files = dataFiles(command, values);
        const records = await loadLabelledData(files);
        assertChoicesFitData(command, args, records, files.file);
        const all = encodeInputs(records, args);
        architectureForData(args.architecture, all, args.config);
        const testSet = encodeInputs(
          await loadLabelledData({ ...files, file: String(values.test) }, records),
          args,
        );
        const transfer = initOf(all, files.file);
        starting(all, all.count);
        fit = await fitAndEvaluate(all, testSet, { ...withProbes(all, files.file), ...transfer });
        counts = { train: all.count, test: testSet.count };
        shape = all;
        checksum = all.checksum;
      }
      try {
        if (values.out) {
          await saveTrainedModel(
            values.out,
            fit,
            { seed: args.seed, backend, dataChecksum: checksum },
            args,
          );
          out.info(`Model saved to ${values.out}`);
        }
      } finally {
        fit.model.dispose();
      }
      out.result(
        {
          architecture: fit.architecture,
          config: fit.config,
          task: fit.task,
          backend,
          seed: args.seed,
          epochs: fit.epochs,
          ...counts,
          labels: fit.labelNames,
          ...dataColumns(shape),
          training: changedChoices(args),
          ...(init && fit.transfer
            ? {
                initFrom: {
                  model: init.ref,
                  modelSha256: init.sha256,
                  architecture: init.metadata.architecture,
                  freeze,
                  copied: fit.transfer.copied,
                  frozen: fit.transfer.frozen,
                },
              }
            : {}),
          ...(fit.classWeight ? { classWeight: fit.classWeight } : {}),
          validation: fit.split,
          metrics: fit.metrics,
          confusionMatrix: fit.confusionMatrix,
          ...(probes.length ? { probes: { sequences: probes, epochs: probeEpochs } } : {}),
        },
        (r) =>
          [
            ...Object.entries(r.metrics).map(([k, v]) => `${k}\t${v.toFixed(4)}`),
            ...(r.confusionMatrix
              ? ['', 'confusion matrix (test records)', confusionTable(r.confusionMatrix)]
              : []),
          ].join('\n'),
      );
      return 0;
    } finally {
      init?.model.dispose();
    }
  });
}
